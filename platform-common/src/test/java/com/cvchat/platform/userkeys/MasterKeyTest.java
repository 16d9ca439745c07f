package com.cvchat.platform.userkeys;

import com.cvchat.events.sealing.PayloadSealer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The user-keys master key: loaded from a value or a file, wraps data keys bound to their user and key id. */
class MasterKeyTest {

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void shouldUnwrapADataKeyOnlyForItsOwnUserAndKeyId() {
        MasterKey master = MasterKey.load(randomKey(), null);
        byte[] dataKey = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        String wrapped = master.wrap("user-1", "key-1", dataKey);

        assertThat(wrapped).doesNotContain("0123456789abcdef");
        assertThat(master.unwrap("user-1", "key-1", wrapped)).isEqualTo(dataKey);
        assertThatThrownBy(() -> master.unwrap("user-2", "key-1", wrapped)).isInstanceOf(PayloadSealer.SealingException.class);
        assertThatThrownBy(() -> MasterKey.load(randomKey(), null).unwrap("user-1", "key-1", wrapped))
                .isInstanceOf(PayloadSealer.SealingException.class);
    }

    @Test
    void shouldPreferTheValueOverTheFileAndNeverShowTheKey(@TempDir Path dir) throws Exception {
        String value = randomKey();
        Path file = dir.resolve("master.key");
        Files.writeString(file, randomKey() + "\n");
        MasterKey fromValue = MasterKey.load(value, file.toString());
        MasterKey fromFile = MasterKey.load("", file.toString());

        String wrapped = fromValue.wrap("u", "k", new byte[32]);
        assertThat(MasterKey.load(value, null).unwrap("u", "k", wrapped)).hasSize(32);
        assertThatThrownBy(() -> fromFile.unwrap("u", "k", wrapped)).isInstanceOf(PayloadSealer.SealingException.class);
        assertThat(fromValue.toString()).doesNotContain(value).isEqualTo("MasterKey[****]");
    }

    @Test
    void shouldRefuseAMissingMalformedOrShortKeyWithAReason() {
        assertThatThrownBy(() -> MasterKey.load(null, null)).hasMessageContaining("set USER_KEYS_MASTER_KEY");
        assertThatThrownBy(() -> MasterKey.load("not base64 at all!", null)).hasMessage("USER_KEYS_MASTER_KEY is not base64");
        assertThatThrownBy(() -> MasterKey.load(Base64.getEncoder().encodeToString(new byte[16]), null))
                .hasMessage("USER_KEYS_MASTER_KEY must hold 32 bytes (AES-256), not 16");
    }
}
