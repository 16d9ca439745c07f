package com.cvchat.auth.token;

/** The login / refresh answer of cv-chat-api.md (plus {@code expires_in}, seconds of the access token). */
record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static TokenResponse bearer(String accessToken, String refreshToken, long expiresIn) {
        return new TokenResponse(accessToken, refreshToken, "bearer", expiresIn);
    }

    @Override
    public String toString() {
        return "TokenResponse[***]";
    }
}
