package com.cvchat.chat.stream.storage;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The AI message of a request has an id derived from the request id (a name-based UUID), so a completion delivered
 * twice stores the same message once, whichever instance handles it.
 */
public final class AiMessageIds {

    private AiMessageIds() {
    }

    public static String of(String requestId) {
        return UUID.nameUUIDFromBytes(("chat-ai-message:" + requestId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
