package com.cvchat.events.json;

/** A record that is not a well-formed event of a known type (a poison record). */
public class EventFormatException extends RuntimeException {
    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
