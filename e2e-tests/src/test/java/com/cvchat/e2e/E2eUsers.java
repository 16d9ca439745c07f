package com.cvchat.e2e;

import com.cvchat.platform.test.http.ApiClient;

/**
 * Users for end-to-end tests, made the way a client makes them: register, then log in through the gateway
 * (cv-chat-api.md, Authentication), with the platform's one API client.
 */
public final class E2eUsers {

    private E2eUsers() {
    }

    /** The API through the gateway, anonymous. */
    public static ApiClient gateway() {
        return ApiClient.at(E2eStack.api()).withTimeout(E2eStack.CALL_TIMEOUT);
    }

    /** The API through the gateway as {@code user}. */
    public static ApiClient as(ApiClient.Account user) {
        return gateway().withToken(user.accessToken());
    }

    /** Registers a fresh user and logs in. */
    public static ApiClient.Account newUser() {
        return gateway().signUp("user", "Test User");
    }

    public static ApiClient.Account login(String email, String password) {
        return gateway().signIn(email, password);
    }
}
