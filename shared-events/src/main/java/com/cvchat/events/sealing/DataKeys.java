package com.cvchat.events.sealing;

import java.util.Optional;

/** Where the sealing codec finds users' data keys (platform-common implements it on the {@code user.keys} topic). */
public interface DataKeys {

    /** The key to seal a new payload of {@code userId} with, created when the user has none yet. */
    DataKey keyForSealing(String userId);

    /** The key {@code keyId} of {@code userId}, or empty when it has been destroyed (the user was erased). */
    Optional<DataKey> find(String userId, String keyId);
}
