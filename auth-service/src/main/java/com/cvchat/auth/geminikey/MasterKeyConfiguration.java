package com.cvchat.auth.geminikey;

import com.cvchat.auth.AuthProperties;
import com.cvchat.platform.userkeys.MasterKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key of stored Gemini keys: {@code GEMINI_KEY_ENCRYPTION_KEY} (base64 of 32 bytes, a secret in
 * production), else a key generated once into the data folder (local), else the service does not start.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    @Bean
    GeminiKeyCipher geminiKeyCipher(AuthProperties properties) {
        return new GeminiKeyCipher(masterKey(properties));
    }

    static SecretKey masterKey(AuthProperties properties) {
        if (!properties.geminiKeyEncryptionKey().isBlank()) {
            return decode(properties.geminiKeyEncryptionKey().trim(), "GEMINI_KEY_ENCRYPTION_KEY");
        }
        Path file = properties.geminiKeyEncryptionFile();
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
            }
            if (!properties.generateKeys()) {
                throw new IllegalStateException("No Gemini key encryption key: set GEMINI_KEY_ENCRYPTION_KEY "
                        + "(base64 of 32 random bytes)");
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not POSIX: the folder's protection applies
            }
            return new SecretKeySpec(bytes, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static SecretKey decode(String base64, String source) {
        return new SecretKeySpec(MasterKey.aes256(base64, source), "AES");
    }
}
