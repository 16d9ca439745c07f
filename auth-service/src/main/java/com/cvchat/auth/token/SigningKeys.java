package com.cvchat.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The RS256 key pairs: the newest signs, the older ones stay published in the JWKS until every token they signed has
 * expired ({@code retain} after they were superseded), then they are dropped. Keys live as files in one folder: JWK
 * {@code .json} (what this class generates when allowed) or PKCS#8 {@code .pem} (a mounted secret). Nothing here is
 * ever logged but key ids.
 */
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final Path dir;
    private final boolean generate;
    private final Duration rotateAfter;
    private final Duration retain;
    private final Clock clock;
    private volatile List<RSAKey> keys = List.of();

    /**
     * @param retain how long a superseded key stays published: the access-token lifetime plus the clock skew
     */
    public SigningKeys(Path dir, boolean generate, Duration rotateAfter, Duration retain, Clock clock) {
        this.dir = dir;
        this.generate = generate;
        this.rotateAfter = rotateAfter;
        this.retain = retain;
        this.clock = clock;
        refresh();
    }

    /** Reads the folder again, rotating (when allowed and due) and dropping keys whose tokens have all expired. */
    public synchronized void refresh() {
        List<RSAKey> loaded = new ArrayList<>(SigningKeyFiles.load(dir));
        loaded.sort(Comparator.comparing(SigningKeys::issuedAt).reversed());
        Instant now = clock.instant();
        if (generate && (loaded.isEmpty() || issuedAt(loaded.getFirst()).plus(rotateAfter).isBefore(now))) {
            RSAKey fresh = generateKey(now);
            SigningKeyFiles.write(dir, fresh);
            loaded.addFirst(fresh);
            log.info("Generated signing key {} in {}", fresh.getKeyID(), dir);
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("No signing key in " + dir
                    + ": mount one (AUTH_KEY_DIR, a JWK .json or PKCS#8 .pem file) or allow AUTH_GENERATE_KEYS");
        }
        List<RSAKey> kept = new ArrayList<>(List.of(loaded.getFirst()));
        for (int i = 1; i < loaded.size(); i++) {
            Instant supersededAt = issuedAt(loaded.get(i - 1));
            if (supersededAt.plus(retain).isAfter(now)) {
                kept.add(loaded.get(i));
            } else if (generate) {
                SigningKeyFiles.delete(dir, loaded.get(i));
                log.info("Retired signing key {}", loaded.get(i).getKeyID());
            }
        }
        keys = List.copyOf(kept);
    }

    /** The key that signs new tokens. */
    public RSAKey active() {
        return keys.getFirst();
    }

    /** The public halves of every published key. */
    public JWKSet publicJwks() {
        return new JWKSet(keys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList());
    }

    static Instant issuedAt(RSAKey key) {
        return key.getIssueTime() == null ? Instant.EPOCH : key.getIssueTime().toInstant();
    }

    private static RSAKey generateKey(Instant now) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
                    .issueTime(Date.from(now))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    static Stream<Path> files(Path dir) {
        try {
            return Files.isDirectory(dir) ? Files.list(dir) : Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
