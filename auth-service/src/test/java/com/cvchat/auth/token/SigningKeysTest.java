package com.cvchat.auth.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {

    private static final Duration ROTATE = Duration.ofDays(30);
    private static final Duration RETAIN = Duration.ofMinutes(16);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void shouldGenerateOnceAndReuseTheSameKeyAfterARestart(@TempDir Path dir) {
        String kid = new SigningKeys(dir, true, ROTATE, RETAIN, clock).active().getKeyID();
        assertThat(new SigningKeys(dir, true, ROTATE, RETAIN, clock).active().getKeyID()).isEqualTo(kid);
        assertThat(dir.resolve(kid + ".json")).exists();
    }

    @Test
    void shouldKeepTheOldKeyPublishedUntilItsTokensHaveExpired(@TempDir Path dir) {
        SigningKeys keys = new SigningKeys(dir, true, ROTATE, RETAIN, clock);
        String old = keys.active().getKeyID();

        clock.advance(ROTATE.plusSeconds(1));
        keys.refresh();
        String fresh = keys.active().getKeyID();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(keys.publicJwks().getKeys()).extracting(JWK::getKeyID).containsExactly(fresh, old);

        clock.advance(RETAIN.minusSeconds(5));
        keys.refresh();
        assertThat(keys.publicJwks().getKeys()).extracting(JWK::getKeyID).contains(old);

        clock.advance(Duration.ofSeconds(10));
        keys.refresh();
        assertThat(keys.publicJwks().getKeys()).extracting(JWK::getKeyID).containsExactly(fresh);
        assertThat(dir.resolve(old + ".json")).doesNotExist();
    }

    @Test
    void shouldPublishOnlyPublicHalves(@TempDir Path dir) {
        SigningKeys keys = new SigningKeys(dir, true, ROTATE, RETAIN, clock);
        assertThat(keys.publicJwks().getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(keys.publicJwks().toString()).doesNotContain("\"d\"");
    }

    @Test
    void shouldUseAMountedPemKeyAndRefuseToStartWithoutAnyKeyWhenGenerationIsOff(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new SigningKeys(dir, false, ROTATE, RETAIN, clock))
                .hasMessageContaining("No signing key");
        RSAKey key = new RSAKeyGenerator(2048).generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.toPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(dir.resolve("signing.pem"), pem);

        SigningKeys keys = new SigningKeys(dir, false, ROTATE, RETAIN, clock);
        assertThat(keys.active().toRSAPublicKey()).isEqualTo(key.toRSAPublicKey());
        assertThat(keys.active().getKeyID()).isEqualTo(key.computeThumbprint().toString());
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
