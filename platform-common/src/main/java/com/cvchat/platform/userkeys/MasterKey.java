package com.cvchat.platform.userkeys;

import com.cvchat.events.sealing.DataKey;
import com.cvchat.events.sealing.PayloadSealer;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The master key that wraps every user's data key on {@code user.keys} (AES-256-GCM; the user id and key id are the
 * associated data, so a wrapped key copied onto another record does not open). A secret: {@code USER_KEYS_MASTER_KEY}
 * (base64 of 32 bytes) or a file holding it ({@code USER_KEYS_MASTER_KEY_FILE}); never logged.
 */
public final class MasterKey {

    private final DataKey key;

    private MasterKey(byte[] bytes) {
        this.key = new DataKey("master", new SecretKeySpec(bytes, "AES"));
    }

    /** From the base64 value when given, else from the file; {@link IllegalStateException} when neither is usable. */
    public static MasterKey load(String base64, String file) {
        if (base64 != null && !base64.isBlank()) {
            return decode(base64.trim(), "USER_KEYS_MASTER_KEY");
        }
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("No user-keys master key: set USER_KEYS_MASTER_KEY or USER_KEYS_MASTER_KEY_FILE");
        }
        try {
            return decode(Files.readString(Path.of(file), StandardCharsets.UTF_8).trim(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the user-keys master key file " + file, e);
        }
    }

    static MasterKey decode(String base64, String source) {
        return new MasterKey(aes256(base64, source));
    }

    /**
     * The 32 bytes of an AES-256 key given in base64 (a configured secret); {@link IllegalStateException} naming
     * {@code source}, never the value, when it is not base64 or not 32 bytes long.
     */
    public static byte[] aes256(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " must hold 32 bytes (AES-256), not " + bytes.length);
        }
        return bytes;
    }

    String wrap(String userId, String keyId, byte[] dataKey) {
        return PayloadSealer.seal(key, dataKey, associatedData(userId, keyId));
    }

    byte[] unwrap(String userId, String keyId, String wrapped) {
        return PayloadSealer.open(key, wrapped, associatedData(userId, keyId));
    }

    private static String associatedData(String userId, String keyId) {
        return "user.keys|" + userId + "|" + keyId;
    }

    @Override
    public String toString() {
        return "MasterKey[****]";
    }
}
