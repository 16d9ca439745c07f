package com.cvchat.voice.conversation;

/** chat-service could not be asked about (or could not create) the conversation. */
public class ChatServiceUnavailableException extends RuntimeException {
    public ChatServiceUnavailableException(String message) {
        super(message);
    }

    public ChatServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
