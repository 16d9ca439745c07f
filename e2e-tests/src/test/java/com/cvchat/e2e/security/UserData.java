package com.cvchat.e2e.security;

import com.cvchat.e2e.E2eUsers;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;

import java.time.Duration;
import java.util.List;

/**
 * A user with one of everything an id can point at, made through the gateway: a conversation with one answered
 * message, a CV-builder session and an imported CV document (with a second version).
 */
record UserData(ApiClient.Account user, String chatId, String messageId, String sessionId, String documentId) {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static UserData create(String secretWord) {
        return create(E2eUsers.newUser(), secretWord);
    }

    static UserData create(ApiClient.Account user, String secretWord) {
        ApiClient api = E2eUsers.as(user);
        String chatId = api.createChat();
        String messageId;
        try (SseClient stream = api.sendMessage(chatId, "My secret word is " + secretWord)) {
            List<SseEvent> events = stream.rest(TIMEOUT);
            if (stream.status() != 200 || events.isEmpty() || !"done".equals(events.getLast().type())) {
                throw new IllegalStateException("chat turn failed: " + stream.status() + " " + stream.errorBody());
            }
            messageId = events.getFirst().json().path("message_id").asString();
        }
        String sessionId = api.startSession("Hi, I am " + secretWord + " Example, a data scientist", "cv")
                .expect(201).text("session_id");
        String documentId = api.post("/documents/import", "{\"basics\":{\"name\":\"" + secretWord
                + " Example\",\"summary\":\"Secret " + secretWord + "\"}}").expect(201).json()
                .path("document").path("id").asString();
        api.patch("/documents/" + documentId, "{\"title\":\"" + secretWord + " CV\"}").expect(200);
        return new UserData(user, chatId, messageId, sessionId, documentId);
    }
}
