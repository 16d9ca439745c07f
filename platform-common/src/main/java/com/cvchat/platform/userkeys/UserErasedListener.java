package com.cvchat.platform.userkeys;

/**
 * A service's part of an erasure: deletes everything its read models hold about a user. Called by
 * {@link UserKeyStore} for every erasure record on {@code user.keys}, again at each start, so it must be idempotent.
 */
public interface UserErasedListener {

    void onUserErased(String userId);
}
