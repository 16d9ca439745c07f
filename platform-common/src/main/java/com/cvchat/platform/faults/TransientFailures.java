package com.cvchat.platform.faults;

import com.cvchat.platform.kafka.EventPublisher;
import org.springframework.util.ClassUtils;

/**
 * Recognises failures of a dependency that is down for a while (the store unreachable, the broker not acknowledging)
 * as opposed to a bug or bad data: the API answers them with 503, and consumers retry them instead of dead-lettering.
 * <p>
 * Recognised by type, a failure or one of its causes being an instance of: {@link EventPublisher.EventPublishException}
 * (the broker did not acknowledge), and, in services with a store, the driver's {@code MongoTimeoutException} and
 * {@code MongoSocketException} and Spring's {@code DataAccessResourceFailureException} ({@link StoreFailures}). The
 * store's types are only looked at where the MongoDB driver is on the class path (llm-worker has none).
 */
public final class TransientFailures {

    private static final boolean STORE = ClassUtils.isPresent("com.mongodb.MongoException",
            TransientFailures.class.getClassLoader());

    private TransientFailures() {
    }

    /** True when {@code failure} or one of its causes is (a subclass of) a known "dependency down" exception. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EventPublisher.EventPublishException || STORE && StoreFailures.isTransient(t)) {
                return true;
            }
        }
        return false;
    }
}
