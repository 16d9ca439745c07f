package com.cvchat.events.json;

/** Kafka record headers written beside every event, so stock clients (kcat) can filter without parsing. */
public final class EventHeaders {
    public static final String EVENT_TYPE = "event-type";
    public static final String SCHEMA_VERSION = "schema-version";
    public static final String EVENT_ID = "event-id";
    /** The service that asked, on {@code llm.*} records ({@code chat}, {@code cv}, {@code voice}): see {@link AnswersDeserializer}. */
    public static final String ORIGIN = "origin";

    private EventHeaders() {
    }
}
