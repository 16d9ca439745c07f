package com.cvchat.platform.faults;

import com.cvchat.platform.kafka.EventPublisher;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void shouldTreatAnUnreachableStoreOrBrokerAsTransient() {
        assertThat(TransientFailures.isTransient(new MongoTimeoutException("no server"))).isTrue();
        assertThat(TransientFailures.isTransient(
                new MongoSocketOpenException("refused", new ServerAddress(), new IOException()))).isTrue();
        assertThat(TransientFailures.isTransient(new DataAccessResourceFailureException("down",
                new MongoSocketOpenException("refused", new ServerAddress(), new IOException())))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("wrapped",
                new EventPublisher.EventPublishException("not acknowledged", new IOException())))).isTrue();
    }

    @Test
    void shouldNotTreatBugsOrBadDataAsTransient() {
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad"))).isFalse();
        assertThat(TransientFailures.isTransient(new DuplicateKeyException("dup"))).isFalse();
        assertThat(TransientFailures.isTransient(new RuntimeException(new IOException("io")))).isFalse();
    }
}
