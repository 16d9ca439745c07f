package com.cvchat.platform.test;

import com.cvchat.platform.security.PlatformSecurityProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A stand-in for auth-service's key endpoint in service tests: serves a real JWKS over HTTP on a free port and mints
 * RS256 access tokens with the platform's claims. Point a service at it with
 * {@code platform.security.jwk-set-uri = issuer.jwkSetUri()}.
 */
public final class TestJwtIssuer implements AutoCloseable {

    private final RSAKey key;
    private final HttpServer server;

    private TestJwtIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    public static TestJwtIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return new TestJwtIssuer(key, server);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public RSAKey key() {
        return key;
    }

    /** A valid access token for {@code userId}, 15 minutes. */
    public String token(String userId) {
        return token(userId, b -> { });
    }

    /** A valid admin token. */
    public String adminToken(String userId) {
        return token(userId, b -> b.claim("roles", List.of("admin")));
    }

    /** A token whose claims the caller adjusts (wrong issuer, expired …), signed with the published key. */
    public String token(String userId, Consumer<JWTClaimsSet.Builder> customizer) {
        JWTClaimsSet.Builder claims = validClaims(userId, List.of("user"));
        customizer.accept(claims);
        return sign(claims.build());
    }

    /** The claims of a valid token for {@code userId} with {@code roles}: our issuer and audience, 15 minutes. */
    public static JWTClaimsSet.Builder validClaims(String userId, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(PlatformSecurityProperties.DEFAULT_ISSUER)
                .audience(PlatformSecurityProperties.DEFAULT_AUDIENCE)
                .subject(userId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles);
    }

    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
