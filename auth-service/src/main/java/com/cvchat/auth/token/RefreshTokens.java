package com.cvchat.auth.token;

import com.cvchat.auth.AuthProperties;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque refresh tokens in rotating families: each exchange marks the presented token used and issues the next one of
 * the family; presenting a used token again means it leaked, so the whole family is revoked.
 */
@Component
class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Duration ttl;
    private final Clock clock;

    RefreshTokens(MongoTemplate mongo, AuthProperties properties, Clock clock) {
        this.mongo = mongo;
        this.ttl = properties.refreshTokenTtl();
        this.clock = clock;
    }

    /** The first token of a new family. */
    String start(String userId) {
        return issue(UUID.randomUUID().toString(), userId);
    }

    /** The user id and a new token of the same family, or empty when the token is unknown, expired, used or revoked. */
    Optional<Rotation> rotate(String token) {
        String hash = hash(token);
        Query unused = Query.query(Criteria.where("_id").is(hash).and("used").is(false).and("revoked").is(false));
        RefreshToken current = mongo.findAndModify(unused, new Update().set("used", true),
                FindAndModifyOptions.options().returnNew(false), RefreshToken.class);
        if (current == null) {
            RefreshToken presented = mongo.findById(hash, RefreshToken.class);
            if (presented != null && presented.used()) {
                revokeFamily(presented.familyId());
            }
            return Optional.empty();
        }
        if (!current.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Rotation(current.userId(), issue(current.familyId(), current.userId())));
    }

    /** Ends the family of {@code token}; an unknown token changes nothing. */
    void revoke(String token) {
        RefreshToken presented = mongo.findById(hash(token), RefreshToken.class);
        if (presented != null) {
            revokeFamily(presented.familyId());
        }
    }

    private void revokeFamily(String familyId) {
        mongo.updateMulti(Query.query(Criteria.where("familyId").is(familyId)), new Update().set("revoked", true),
                RefreshToken.class);
    }

    private String issue(String familyId, String userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        mongo.insert(new RefreshToken(hash(token), familyId, userId, now, now.plus(ttl), false, false));
        return token;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Rotation(String userId, String refreshToken) {
    }
}
