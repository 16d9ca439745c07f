package com.cvchat.auth.token;

import jakarta.validation.constraints.NotBlank;

/** Bodies of the token endpoints; their {@code toString} never shows a secret. */
final class TokenRequests {

    private TokenRequests() {
    }

    record Login(@NotBlank(message = "is required") String email, @NotBlank(message = "is required") String password) {
        @Override
        public String toString() {
            return "Login[email=" + email + "]";
        }
    }

    record Refresh(@NotBlank(message = "is required") String refreshToken) {
        @Override
        public String toString() {
            return "Refresh[***]";
        }
    }
}
