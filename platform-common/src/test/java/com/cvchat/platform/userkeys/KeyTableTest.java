package com.cvchat.platform.userkeys;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyTableTest {

    private final MasterKey master = master();
    private final KeyTable table = new KeyTable(master);

    @Test
    void shouldParseAndWriteRecordKeys() {
        assertThat(RecordKey.parse("u1/k1")).isEqualTo(new RecordKey.DataKeyId("u1", "k1"));
        assertThat(RecordKey.parse("u1")).isEqualTo(new RecordKey.Erasure("u1"));
        assertThat(new RecordKey.DataKeyId("u1", "k1").text()).isEqualTo("u1/k1");
        assertThat(new RecordKey.Erasure("u1").text()).isEqualTo("u1");
    }

    @Test
    void shouldSealWithTheFirstKeyInLogOrderAndForgetDestroyedOnes() {
        table.apply(new RecordKey.DataKeyId("u1", "k1"), keyRecord("u1", "k1"));
        table.apply(new RecordKey.DataKeyId("u1", "k2"), keyRecord("u1", "k2"));

        assertThat(table.firstKey("u1")).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo("k1"));
        table.apply(new RecordKey.DataKeyId("u1", "k1"), null);
        assertThat(table.firstKey("u1")).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo("k2"));
        assertThat(table.known("u1", "k1")).isFalse();
        assertThat(table.liveKeyIds("u1")).containsExactly("k2");
    }

    @Test
    void shouldKeepAnErasedUsersKeyIdsUntilTheirTombstonesAndAskToDestroyLateKeys() {
        table.apply(new RecordKey.DataKeyId("u1", "k1"), keyRecord("u1", "k1"));

        assertThat(table.apply(new RecordKey.Erasure("u1"), UserKeysTopic.erasureRecord("u1")))
                .isEqualTo(KeyTable.Outcome.USER_ERASED);
        assertThat(table.apply(new RecordKey.DataKeyId("u1", "k2"), keyRecord("u1", "k2")))
                .isEqualTo(KeyTable.Outcome.KEY_AFTER_ERASURE);

        assertThatThrownBy(() -> table.firstKey("u1")).isInstanceOf(UserErasedException.class);
        assertThat(table.key("u1", "k1")).isNull();
        assertThat(table.liveKeyIds("u1")).containsExactlyInAnyOrder("k1", "k2");
    }

    @Test
    void shouldBeRestoredOnceTheReaderReachedTheEndOffsetsOfTheStart() throws InterruptedException {
        table.restoring(new long[]{2, 0});
        assertThat(table.awaitRestored(Duration.ofMillis(10))).isFalse();

        table.progressed(new long[]{2, 0});

        assertThat(table.awaitRestored(Duration.ofMillis(10))).isTrue();
        assertThat(table.awaitApplied(0, 1, Duration.ofMillis(10))).isTrue();
        assertThat(table.awaitApplied(0, 2, Duration.ofMillis(10))).isFalse();
    }

    private byte[] keyRecord(String user, String keyId) {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        return UserKeysTopic.keyRecord(new RecordKey.DataKeyId(user, keyId), master.wrap(user, keyId, material));
    }

    private static MasterKey master() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return MasterKey.decode(Base64.getEncoder().encodeToString(bytes), "test");
    }
}
