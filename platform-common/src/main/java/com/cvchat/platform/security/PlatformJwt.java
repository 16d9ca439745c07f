package com.cvchat.platform.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

import java.util.Collection;
import java.util.List;

/**
 * The one token policy of the platform: RS256 only (no {@code none}, no HS/RS confusion), keys from the JWKS,
 * issuer, audience, expiry with a small clock skew. Roles come from the {@code roles} claim.
 */
public final class PlatformJwt {

    public static final String ROLES_CLAIM = "roles";
    public static final String INVALID_TOKEN_MESSAGE = "Invalid or expired token";

    private PlatformJwt() {
    }

    public static OAuth2TokenValidator<Jwt> validator(PlatformSecurityProperties properties) {
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
                && jwt.getAudience().contains(properties.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Wrong audience", null));
        OAuth2TokenValidator<Jwt> subject = jwt -> jwt.getSubject() != null && !jwt.getSubject().isBlank()
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "No subject", null));
        OAuth2TokenValidator<Jwt> expiryRequired = jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "No expiry", null));
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                expiryRequired,
                new JwtIssuerValidator(properties.issuer()),
                audience,
                subject));
    }

    public static NimbusJwtDecoder servletDecoder(PlatformSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    public static NimbusReactiveJwtDecoder reactiveDecoder(PlatformSecurityProperties properties) {
        return reactiveDecoder(properties, org.springframework.web.reactive.function.client.WebClient.create());
    }

    /** With the client that fetches the JWKS (give it timeouts: a hanging key fetch must not hang every request). */
    public static NimbusReactiveJwtDecoder reactiveDecoder(PlatformSecurityProperties properties,
                                                           org.springframework.web.reactive.function.client.WebClient jwksClient) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(jwksClient)
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /** {@code ROLE_<name>} for each entry of the {@code roles} claim. */
    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return roles == null ? List.of() : roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
