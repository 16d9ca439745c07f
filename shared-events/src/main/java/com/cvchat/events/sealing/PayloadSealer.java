package com.cvchat.events.sealing;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM sealing of payload bytes: {@code base64(iv ‖ ciphertext ‖ tag)} with a fresh 96-bit IV each time.
 * The associated data binds a sealed payload to its envelope (event id, user id, type), so it cannot be moved to
 * another event or user unnoticed.
 */
public final class PayloadSealer {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PayloadSealer() {
    }

    public static String seal(DataKey key, byte[] plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; {@link SealingException} when the value was altered, moved, or sealed with another key. */
    public static byte[] open(DataKey key, String sealed, String associatedData) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new SealingException("Sealed payload is not base64", e);
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new SealingException("Sealed payload is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealingException("Sealed payload does not authenticate (altered, moved or wrong key)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** A sealed value that cannot be opened although its key exists. */
    public static class SealingException extends RuntimeException {
        public SealingException(String message) {
            super(message);
        }

        public SealingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
