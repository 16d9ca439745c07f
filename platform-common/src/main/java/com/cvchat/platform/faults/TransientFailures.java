package com.cvchat.platform.faults;

import java.util.Set;

/**
 * Recognises failures of a dependency that is down for a while (the store unreachable, the broker not acknowledging)
 * as opposed to a bug or bad data: the API answers them with 503, and consumers retry them instead of dead-lettering.
 * Checked by class name so that services without MongoDB or Kafka on the classpath can use it.
 */
public final class TransientFailures {

    private static final Set<String> TRANSIENT = Set.of(
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "com.cvchat.platform.kafka.EventPublisher$EventPublishException");

    private TransientFailures() {
    }

    /** True when {@code failure} or one of its causes is (a subclass of) a known "dependency down" exception. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (TRANSIENT.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
