package com.cvchat.chat.streaming;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** This instance's identity: names its own {@code llm.responses} consumer group (the broadcast of chunks). */
@Component("chatInstance")
public class ChatInstance {

    private final String id;

    ChatInstance(@Value("${chat.instance-id:}") String configured) {
        this.id = configured == null || configured.isBlank() ? UUID.randomUUID().toString() : configured;
    }

    public String id() {
        return id;
    }

    public String fanOutGroup() {
        return "chat-stream-" + id;
    }
}
