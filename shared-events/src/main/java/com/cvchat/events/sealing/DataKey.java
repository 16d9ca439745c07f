package com.cvchat.events.sealing;

import javax.crypto.SecretKey;
import java.util.Objects;

/**
 * One user's AES-256 data key.
 *
 * @param id  stable id of the key, written beside every payload sealed with it
 * @param key the key material (never logged, never on the wire unwrapped)
 */
public record DataKey(String id, SecretKey key) {

    public DataKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return "DataKey[" + id + "]";
    }
}
