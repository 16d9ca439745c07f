package com.cvchat.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * How every service validates access tokens.
 *
 * @param jwkSetUri       where auth-service publishes its public keys ({@code /.well-known/jwks.json})
 * @param issuer          required {@code iss}
 * @param audience        required value in {@code aud}
 * @param clockSkew       tolerated clock difference for {@code exp}/{@code nbf}
 * @param publicPaths     extra Ant-style paths reachable without a token (health and metrics always are)
 * @param queryTokenPaths paths where the token may come as {@code ?token=} (the voice WebSocket), nowhere else
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(
        String jwkSetUri,
        String issuer,
        String audience,
        Duration clockSkew,
        List<String> publicPaths,
        List<String> queryTokenPaths) {

    public static final String DEFAULT_ISSUER = "http://localhost:3000/api/v1/auth";
    public static final String DEFAULT_AUDIENCE = "cv-chat-api";

    public PlatformSecurityProperties {
        jwkSetUri = jwkSetUri == null ? "http://localhost:8081/.well-known/jwks.json" : jwkSetUri;
        issuer = issuer == null ? DEFAULT_ISSUER : issuer;
        audience = audience == null ? DEFAULT_AUDIENCE : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        queryTokenPaths = queryTokenPaths == null ? List.of() : List.copyOf(queryTokenPaths);
    }
}
