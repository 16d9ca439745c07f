package com.cvchat.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Configuration of auth-service ({@code auth.*}, see README).
 *
 * @param accessTokenTtl           lifetime of access tokens
 * @param refreshTokenTtl          lifetime of refresh tokens (a family ends with its last token)
 * @param keyDir                   folder of signing keys (JWK {@code .json} or PKCS#8 {@code .pem} files)
 * @param generateKeys             generate missing keys (signing key, Gemini master key) into the data folder; off in
 *                                 production, where keys are mounted secrets
 * @param rotateAfter              a generated signing key older than this is replaced by a new one
 * @param adminEmails              accounts that get the {@code admin} role
 * @param internalApiToken         the service credential of {@code /internal/**}
 * @param geminiKeyEncryptionKey   base64 of the 256-bit AES master key of stored Gemini keys
 * @param geminiKeyEncryptionFile  where a generated master key is kept when none is configured
 * @param loginThrottle            limits on failed logins
 */
@ConfigurationProperties("auth")
public record AuthProperties(
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Path keyDir,
        Boolean generateKeys,
        Duration rotateAfter,
        List<String> adminEmails,
        String internalApiToken,
        String geminiKeyEncryptionKey,
        Path geminiKeyEncryptionFile,
        LoginThrottle loginThrottle) {

    public AuthProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
        keyDir = keyDir == null ? Path.of(".data", "auth", "keys") : keyDir;
        generateKeys = generateKeys == null || generateKeys;
        rotateAfter = rotateAfter == null ? Duration.ofDays(30) : rotateAfter;
        adminEmails = adminEmails == null ? List.of() : adminEmails.stream()
                .map(String::trim).filter(e -> !e.isEmpty()).map(e -> e.toLowerCase(Locale.ROOT)).toList();
        internalApiToken = internalApiToken == null ? "" : internalApiToken;
        geminiKeyEncryptionKey = geminiKeyEncryptionKey == null ? "" : geminiKeyEncryptionKey;
        geminiKeyEncryptionFile = geminiKeyEncryptionFile == null
                ? Path.of(".data", "auth", "gemini-key-encryption.key") : geminiKeyEncryptionFile;
        loginThrottle = loginThrottle == null ? new LoginThrottle(null, null, null) : loginThrottle;
    }

    /**
     * @param maxFailuresPerAccount failed logins of one email within {@code window} before it is blocked
     * @param maxFailuresPerAddress failed logins from one client address within {@code window}
     * @param window                length of the counting window (and the longest block)
     */
    public record LoginThrottle(Integer maxFailuresPerAccount, Integer maxFailuresPerAddress, Duration window) {
        public LoginThrottle {
            maxFailuresPerAccount = maxFailuresPerAccount == null ? 5 : maxFailuresPerAccount;
            maxFailuresPerAddress = maxFailuresPerAddress == null ? 20 : maxFailuresPerAddress;
            window = window == null ? Duration.ofMinutes(15) : window;
        }
    }
}
