package com.cvchat.events.json;

/** Kafka record headers written beside every event, so stock clients (kcat) can filter without parsing. */
public final class EventHeaders {
    public static final String EVENT_TYPE = "event-type";
    public static final String SCHEMA_VERSION = "schema-version";
    public static final String EVENT_ID = "event-id";
    /**
     * The request an answer event belongs to, on model answers: the asking instance routes a record by it without
     * parsing the value, and skips records of requests it does not hold.
     */
    public static final String REQUEST_ID = "request-id";

    private EventHeaders() {
    }
}
