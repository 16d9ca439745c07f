package com.cvchat.auth;

import com.cvchat.auth.token.SigningKeys;
import com.cvchat.platform.security.PlatformSecurityProperties;
import com.cvchat.platform.test.HostileTokens;
import com.cvchat.platform.test.TestInfrastructure;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts and tokens over real sockets: register, login, refresh rotation, reuse detection, logout, throttling. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "auth.login-throttle.max-failures-per-account=3",
        "auth.login-throttle.max-failures-per-address=1000",
        "auth.admin-emails=boss@example.com"})
class AuthFlowIT {

    @LocalServerPort
    int port;

    @Autowired
    SigningKeys signingKeys;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        TestInfrastructure.register(registry, "auth-flow");
        AuthServiceApplicationIT.registerDataDir(registry);
    }

    private AuthClient client() {
        return new AuthClient(port);
    }

    private static String email() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void shouldRegisterLoginRefreshLogoutAndThenRefuseTheRefreshToken() {
        AuthClient client = client();
        String email = email();
        AuthClient.Reply registered = client.register(email, "Correct-Horse-42");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("email")).isEqualTo(email);
        assertThat(registered.text("full_name")).isEqualTo("Ada Lovelace");
        assertThat(registered.body().has("password_hash")).isFalse();

        AuthClient.Reply login = client.login(email.toUpperCase(), "Correct-Horse-42");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("token_type")).isEqualTo("bearer");
        assertThat(login.body().path("expires_in").asLong()).isEqualTo(900);

        AuthClient.Reply me = client.get("/api/v1/auth/me", AuthClient.bearer(login.text("access_token")));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(registered.text("id"));

        AuthClient.Reply refreshed = client.refresh(login.text("refresh_token"));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("refresh_token")).isNotEqualTo(login.text("refresh_token"));
        assertThat(client.get("/api/v1/auth/me", AuthClient.bearer(refreshed.text("access_token"))).status()).isEqualTo(200);

        assertThat(client.post("/api/v1/auth/logout", Map.of("refresh_token", refreshed.text("refresh_token"))).status())
                .isEqualTo(204);
        AuthClient.Reply afterLogout = client.refresh(refreshed.text("refresh_token"));
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.text("error")).isEqualTo("Invalid or expired refresh token");
    }

    @Test
    void shouldRevokeTheWholeFamilyWhenARotatedRefreshTokenIsReused() {
        AuthClient client = client();
        String email = email();
        client.register(email, "Correct-Horse-42");
        String first = client.login(email, "Correct-Horse-42").text("refresh_token");
        String second = client.refresh(first).text("refresh_token");

        AuthClient.Reply reuse = client.refresh(first);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(client.refresh(second).status()).as("the legitimate holder's newer token dies with the family")
                .isEqualTo(401);
        assertThat(client.login(email, "Correct-Horse-42").status()).as("a fresh login starts a new family").isEqualTo(200);
    }

    @Test
    void shouldIssueRs256TokensWithThePlatformClaimsVerifiableWithThePublishedKey() throws Exception {
        AuthClient client = client();
        String email = "boss@example.com";
        String userId = client.register(email, "Correct-Horse-42").text("id");
        String token = client.login(email, "Correct-Horse-42").text("access_token");

        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet jwks = JWKSet.parse(client.get("/.well-known/jwks.json").raw().body());
        assertThat(jwks.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier(jwks.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey()))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(PlatformSecurityProperties.DEFAULT_ISSUER);
        assertThat(claims.getAudience()).containsExactly(PlatformSecurityProperties.DEFAULT_AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(claims.getIssueTime().toInstant()).isBefore(Instant.now().plusSeconds(1));
        assertThat(claims.getStringListClaim("roles")).containsExactly("user", "admin");
    }

    @Test
    void shouldRefuseBadRegistrationsWithAReason() {
        AuthClient client = client();
        String email = email();
        assertThat(client.register(email, "Correct-Horse-42").status()).isEqualTo(201);
        AuthClient.Reply duplicate = client.register(email.toUpperCase(), "Another-Horse-42");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("error")).isEqualTo("An account with this email already exists");

        AuthClient.Reply shortPassword = client.register(email(), "abc1");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.text("error")).contains("at least 8 characters");
        assertThat(client.register(email(), "onlyletters").text("error")).contains("digit or symbol");
        AuthClient.Reply badEmail = client.register("not-an-email", "Correct-Horse-42");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.text("error")).contains("email");
        AuthClient.Reply missing = client.post("/api/v1/auth/register", Map.of("email", email()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("error")).contains("password");
    }

    @Test
    void shouldAnswerWrongCredentialsAlikeWhetherTheEmailOrThePasswordIsWrong() {
        AuthClient client = client();
        String email = email();
        client.register(email, "Correct-Horse-42");
        AuthClient.Reply wrongPassword = client.login(email, "Wrong-Horse-42");
        AuthClient.Reply unknownEmail = client.login(email(), "Correct-Horse-42");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
    }

    @Test
    void shouldThrottleGuessingOnOneAccountEvenWithTheRightPasswordLater() {
        AuthClient client = client();
        String email = email();
        client.register(email, "Correct-Horse-42");
        for (int i = 0; i < 3; i++) {
            assertThat(client.login(email, "guess-" + i + "-abc").status()).isEqualTo(401);
        }
        AuthClient.Reply blocked = client.login(email, "Correct-Horse-42");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.text("error")).startsWith("Too many failed login attempts");
        long retryAfter = Long.parseLong(blocked.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        String other = email();
        client.register(other, "Correct-Horse-42");
        assertThat(client.login(other, "Correct-Horse-42").status()).as("other accounts are not affected").isEqualTo(200);
    }

    @Test
    void shouldRejectMissingAndForeignTokensOnMeWithTheSpecText() {
        AuthClient client = client();
        AuthClient.Reply anonymous = client.get("/api/v1/auth/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw().body()).isEqualTo("{\"error\":\"Invalid or expired token\"}");
        String foreign = TestInfrastructure.issuer().token(UUID.randomUUID().toString());
        assertThat(client.get("/api/v1/auth/me", AuthClient.bearer(foreign)).status())
                .as("a token signed by a key auth-service never published").isEqualTo(401);
    }

    @Test
    void shouldRefuseHostileTokensMadeWithItsOwnKeyWithTheSpecText() {
        AuthClient client = client();
        String email = email();
        String userId = client.register(email, "Correct-Horse-42").text("id");
        for (Map.Entry<String, String> hostile : HostileTokens.forUser(signingKeys.active(), userId).entrySet()) {
            AuthClient.Reply reply = client.get("/api/v1/auth/me", AuthClient.bearer(hostile.getValue()));
            assertThat(reply.status()).as(hostile.getKey()).isEqualTo(401);
            assertThat(reply.raw().body()).as(hostile.getKey()).isEqualTo("{\"error\":\"Invalid or expired token\"}");
        }
        assertThat(client.get("/api/v1/auth/me", AuthClient.bearer(HostileTokens.valid(signingKeys.active(), userId)))
                .status()).as("the same key and claims without a flaw").isEqualTo(200);
    }
}
