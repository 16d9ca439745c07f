package com.cvchat.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tokens an attacker would try, each named by what is wrong with it, for tests that every one of them is refused
 * with 401. {@code key} is the real signing key (private part), so the only flaw of each token is the named one.
 */
public final class HostileTokens {

    private HostileTokens() {
    }

    public static Map<String, String> forUser(RSAKey key, String userId) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("alg none", new PlainJWT(claims(userId, b -> { })).serialize());
        tokens.put("HS256 signed with the public key (DER)", hmac(claims(userId, b -> { }), publicDer(key), key));
        tokens.put("HS256 signed with the public key (PEM)", hmac(claims(userId, b -> { }), publicPem(key), key));
        tokens.put("wrong issuer", rs256(key, key.getKeyID(), claims(userId, b -> b.issuer("https://evil.example/auth"))));
        tokens.put("wrong audience", rs256(key, key.getKeyID(), claims(userId, b -> b.audience("another-api"))));
        tokens.put("expired", rs256(key, key.getKeyID(), claims(userId, b -> b
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10)))))));
        tokens.put("no expiry", rs256(key, key.getKeyID(), claims(userId, b -> b.expirationTime(null))));
        RSAKey stranger = strangerKey();
        tokens.put("unknown kid (a key never published)", rs256(stranger, stranger.getKeyID(), claims(userId, b -> { })));
        tokens.put("published kid but signed by another key", rs256(stranger, key.getKeyID(), claims(userId, b -> { })));
        tokens.put("tampered payload", tamper(rs256(key, key.getKeyID(), claims(userId, b -> { }))));
        tokens.put("garbage", "not-a-jwt");
        tokens.put("three garbage parts", "abc.def.ghi");
        return tokens;
    }

    /** A correctly signed token, the control for the hostile ones. */
    public static String valid(RSAKey key, String userId) {
        return rs256(key, key.getKeyID(), claims(userId, b -> { }));
    }

    private static JWTClaimsSet claims(String userId, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder builder = TestJwtIssuer.validClaims(userId, List.of("user", "admin"));
        change.accept(builder);
        return builder.build();
    }

    private static String rs256(RSAKey signer, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(JWTClaimsSet claims, byte[] secret, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Swaps the subject for another user's and keeps the original signature. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + UUID.randomUUID() + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static byte[] publicDer(RSAKey key) {
        try {
            return key.toRSAPublicKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] publicPem(RSAKey key) {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicDer(key))
                + "\n-----END PUBLIC KEY-----\n";
        return pem.getBytes(StandardCharsets.US_ASCII);
    }

    private static RSAKey strangerKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("stranger-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
