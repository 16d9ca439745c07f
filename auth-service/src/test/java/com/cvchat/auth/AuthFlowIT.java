package com.cvchat.auth;

import com.cvchat.auth.token.SigningKeys;
import com.cvchat.platform.security.PlatformSecurityProperties;
import com.cvchat.platform.test.HostileTokens;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
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

    private ApiClient client() {
        return ApiClient.local(port);
    }

    private static String email() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void shouldRegisterLoginRefreshLogoutAndThenRefuseTheRefreshToken() {
        ApiClient client = client();
        String email = email();
        ApiResponse registered = client.register(email, "Correct-Horse-42", "Ada Lovelace");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("email")).isEqualTo(email);
        assertThat(registered.text("full_name")).isEqualTo("Ada Lovelace");
        assertThat(registered.json().has("password_hash")).isFalse();

        ApiResponse login = client.login(email.toUpperCase(), "Correct-Horse-42");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("token_type")).isEqualTo("bearer");
        assertThat(login.json().path("expires_in").asLong()).isEqualTo(900);

        ApiResponse me = client.get("/auth/me", ApiClient.authorization(login.text("access_token")));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(registered.text("id"));

        ApiResponse refreshed = client.refresh(login.text("refresh_token"));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("refresh_token")).isNotEqualTo(login.text("refresh_token"));
        assertThat(client.get("/auth/me", ApiClient.authorization(refreshed.text("access_token"))).status())
                .isEqualTo(200);

        assertThat(client.post("/auth/logout", Map.of("refresh_token", refreshed.text("refresh_token"))).status())
                .isEqualTo(204);
        ApiResponse afterLogout = client.refresh(refreshed.text("refresh_token"));
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.text("error")).isEqualTo("Invalid or expired refresh token");
    }

    @Test
    void shouldRevokeTheWholeFamilyWhenARotatedRefreshTokenIsReused() {
        ApiClient client = client();
        String email = email();
        client.register(email, "Correct-Horse-42", "Ada Lovelace");
        String first = client.login(email, "Correct-Horse-42").text("refresh_token");
        String second = client.refresh(first).text("refresh_token");

        ApiResponse reuse = client.refresh(first);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(client.refresh(second).status()).as("the legitimate holder's newer token dies with the family")
                .isEqualTo(401);
        assertThat(client.login(email, "Correct-Horse-42").status()).as("a fresh login starts a new family").isEqualTo(200);
    }

    @Test
    void shouldIssueRs256TokensWithThePlatformClaimsVerifiableWithThePublishedKey() throws Exception {
        ApiClient client = client();
        String email = "boss@example.com";
        String userId = client.register(email, "Correct-Horse-42", "Ada Lovelace").text("id");
        String token = client.login(email, "Correct-Horse-42").text("access_token");

        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet jwks = JWKSet.parse(client.get("http://localhost:" + port + "/.well-known/jwks.json").body());
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
        ApiClient client = client();
        String email = email();
        assertThat(client.register(email, "Correct-Horse-42", "Ada Lovelace").status()).isEqualTo(201);
        ApiResponse duplicate = client.register(email.toUpperCase(), "Another-Horse-42", "Ada Lovelace");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("error")).isEqualTo("An account with this email already exists");

        ApiResponse shortPassword = client.register(email(), "abc1", "Ada Lovelace");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.text("error")).contains("at least 8 characters");
        assertThat(client.register(email(), "onlyletters", "Ada Lovelace").text("error")).contains("digit or symbol");
        ApiResponse badEmail = client.register("not-an-email", "Correct-Horse-42", "Ada Lovelace");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.text("error")).contains("email");
        ApiResponse missing = client.post("/auth/register", Map.of("email", email()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("error")).contains("password");
    }

    @Test
    void shouldAnswerWrongCredentialsAlikeWhetherTheEmailOrThePasswordIsWrong() {
        ApiClient client = client();
        String email = email();
        client.register(email, "Correct-Horse-42", "Ada Lovelace");
        ApiResponse wrongPassword = client.login(email, "Wrong-Horse-42");
        ApiResponse unknownEmail = client.login(email(), "Correct-Horse-42");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
    }

    @Test
    void shouldThrottleGuessingOnOneAccountEvenWithTheRightPasswordLater() {
        ApiClient client = client();
        String email = email();
        client.register(email, "Correct-Horse-42", "Ada Lovelace");
        for (int i = 0; i < 3; i++) {
            assertThat(client.login(email, "guess-" + i + "-abc").status()).isEqualTo(401);
        }
        ApiResponse blocked = client.login(email, "Correct-Horse-42");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.text("error")).startsWith("Too many failed login attempts");
        long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        String other = email();
        client.register(other, "Correct-Horse-42", "Ada Lovelace");
        assertThat(client.login(other, "Correct-Horse-42").status()).as("other accounts are not affected").isEqualTo(200);
    }

    @Test
    void shouldRejectMissingAndForeignTokensOnMeWithTheSpecText() {
        ApiClient client = client();
        ApiResponse anonymous = client.get("/auth/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"error\":\"Invalid or expired token\"}");
        String foreign = TestInfrastructure.issuer().token(UUID.randomUUID().toString());
        assertThat(client.get("/auth/me", ApiClient.authorization(foreign)).status())
                .as("a token signed by a key auth-service never published").isEqualTo(401);
    }

    @Test
    void shouldRefuseHostileTokensMadeWithItsOwnKeyWithTheSpecText() {
        ApiClient client = client();
        String email = email();
        String userId = client.register(email, "Correct-Horse-42", "Ada Lovelace").text("id");
        for (Map.Entry<String, String> hostile : HostileTokens.forUser(signingKeys.active(), userId).entrySet()) {
            ApiResponse reply = client.get("/auth/me", ApiClient.authorization(hostile.getValue()));
            assertThat(reply.status()).as(hostile.getKey()).isEqualTo(401);
            assertThat(reply.body()).as(hostile.getKey()).isEqualTo("{\"error\":\"Invalid or expired token\"}");
        }
        assertThat(client.get("/auth/me", ApiClient.authorization(HostileTokens.valid(signingKeys.active(), userId)))
                .status()).as("the same key and claims without a flaw").isEqualTo(200);
    }
}
