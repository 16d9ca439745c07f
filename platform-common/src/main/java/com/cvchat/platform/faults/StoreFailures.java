package com.cvchat.platform.faults;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The store's "unreachable for a while" failures. A class of its own so that it is only loaded where the MongoDB driver
 * is on the class path ({@link TransientFailures} checks that first).
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static boolean isTransient(Throwable failure) {
        return failure instanceof MongoTimeoutException || failure instanceof MongoSocketException
                || failure instanceof DataAccessResourceFailureException;
    }
}
