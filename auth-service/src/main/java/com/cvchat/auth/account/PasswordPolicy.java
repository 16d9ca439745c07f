package com.cvchat.auth.account;

import com.cvchat.platform.web.ApiException;

import java.nio.charset.StandardCharsets;

/** What makes a password acceptable; each rule answers with a reason a person can act on. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently cut, so they are refused. */
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    static void check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiException.badRequest("Password must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.badRequest("Password must be at most " + MAX_BYTES + " bytes long");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            throw ApiException.badRequest("Password must contain letters and at least one digit or symbol");
        }
        if (password.equalsIgnoreCase(email)) {
            throw ApiException.badRequest("Password must not be your email address");
        }
    }
}
