package com.cvchat.auth.token;

import com.cvchat.auth.AuthProperties;
import com.cvchat.auth.account.Roles;
import com.cvchat.auth.account.UserAccount;
import com.cvchat.platform.security.PlatformJwt;
import com.cvchat.platform.security.PlatformSecurityProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Mints RS256 access tokens: {@code iss}, {@code aud}, {@code sub}, {@code iat}, {@code exp}, {@code jti}, roles. */
@Component
public class AccessTokens {

    private final SigningKeys keys;
    private final PlatformSecurityProperties security;
    private final Duration ttl;
    private final Roles roles;
    private final Clock clock;

    AccessTokens(SigningKeys keys, PlatformSecurityProperties security, AuthProperties auth, Roles roles, Clock clock) {
        this.keys = keys;
        this.security = security;
        this.ttl = auth.accessTokenTtl();
        this.roles = roles;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(UserAccount user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(security.issuer())
                .audience(security.audience())
                .subject(user.id())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim(PlatformJwt.ROLES_CLAIM, roles.of(user))
                .build();
        RSAKey key = keys.active();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return jwt.serialize();
    }
}
