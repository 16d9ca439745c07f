package com.cvchat.auth;

import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user Gemini key: set / ask / remove through the public API, read back only through the internal endpoint
 * with the service credential, and never in plain text in a log line (debug logging of web and Mongo on) or in any
 * Mongo document.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.data.mongodb.core=DEBUG",
        "logging.level.org.mongodb.driver.protocol.command=DEBUG"})
class GeminiKeyIT {

    private static final String INTERNAL = "internal-test-token";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        TestInfrastructure.register(registry, "auth-gemini");
        AuthServiceApplicationIT.registerDataDir(registry);
    }

    private record Account(String id, String accessToken) {
    }

    private Account newAccount(ApiClient client) {
        String email = "gemini-" + UUID.randomUUID() + "@example.com";
        String id = client.register(email, "Correct-Horse-42", "Ada Lovelace").text("id");
        return new Account(id, client.login(email, "Correct-Horse-42").text("access_token"));
    }

    private String internalPath(String userId) {
        return "http://localhost:" + port + "/internal/v1/users/" + userId + "/gemini-api-key";
    }

    @Test
    void shouldKeepTheKeySecretEverywhereButTheInternalEndpoint(CapturedOutput output) {
        ApiClient client = ApiClient.local(port);
        Account user = newAccount(client);
        String apiKey = "AIzaSy" + UUID.randomUUID().toString().replace("-", "").substring(0, 30) + "Qz9";

        ApiResponse set = client.put("/auth/me/gemini-api-key", Map.of("api_key", apiKey),
                ApiClient.authorization(user.accessToken()));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("is_set").asBoolean()).isTrue();
        ApiResponse status = client.get("/auth/me/gemini-api-key", ApiClient.authorization(user.accessToken()));
        assertThat(status.json().path("is_set").asBoolean()).isTrue();
        assertThat(status.body()).doesNotContain(apiKey);

        ApiResponse internal = client.get(internalPath(user.id()), "Authorization", "Bearer " + INTERNAL);
        assertThat(internal.status()).isEqualTo(200);
        assertThat(internal.text("api_key")).isEqualTo(apiKey);

        List<String> documents = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            mongo.getCollection(collection).find().forEach((Document d) -> documents.add(d.toJson()));
        }
        assertThat(documents).anySatisfy(d -> assertThat(d).contains(user.id()).contains("sealed"));
        assertThat(documents).noneSatisfy(d -> assertThat(d).contains(apiKey));
        assertThat(documents).noneSatisfy(d -> assertThat(d).contains(apiKey.substring(6, 26)));

        assertThat(output.getAll()).as("debug logging was on and captured").contains("gemini-api-key");
        assertThat(output.getAll()).doesNotContain(apiKey).doesNotContain(apiKey.substring(6, 26));
    }

    @Test
    void shouldRefuseTheInternalEndpointWithoutTheServiceCredential() {
        ApiClient client = ApiClient.local(port);
        Account user = newAccount(client);
        client.put("/auth/me/gemini-api-key", Map.of("api_key", "AIzaSyAbcdefghijklmnopqrstuvwxyz0123"),
                ApiClient.authorization(user.accessToken()));

        assertThat(client.get(internalPath(user.id())).status()).isEqualTo(401);
        assertThat(client.get(internalPath(user.id()), "Authorization", "Bearer wrong").status()).isEqualTo(401);
        ApiResponse withUserToken = client.get(internalPath(user.id()), ApiClient.authorization(user.accessToken()));
        assertThat(withUserToken.status()).as("a user's own access token is not the service credential").isEqualTo(401);
        assertThat(withUserToken.body()).doesNotContain("AIzaSy");
    }

    @Test
    void shouldRemoveTheKeyAndThenAnswerNotFound() {
        ApiClient client = ApiClient.local(port);
        Account user = newAccount(client);
        assertThat(client.get(internalPath(user.id()), "Authorization", "Bearer " + INTERNAL).status()).isEqualTo(404);
        client.put("/auth/me/gemini-api-key", Map.of("api_key", "AIzaSyAbcdefghijklmnopqrstuvwxyz0123"),
                ApiClient.authorization(user.accessToken()));

        assertThat(client.delete("/auth/me/gemini-api-key", ApiClient.authorization(user.accessToken())).status())
                .isEqualTo(204);
        assertThat(client.get("/auth/me/gemini-api-key", ApiClient.authorization(user.accessToken()))
                .json().path("is_set").asBoolean()).isFalse();
        ApiResponse gone = client.get(internalPath(user.id()), "Authorization", "Bearer " + INTERNAL);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text("error")).isEqualTo("No Gemini API key set for this user");
    }

    @Test
    void shouldRefuseAMalformedKeyWithAReason() {
        ApiClient client = ApiClient.local(port);
        Account user = newAccount(client);
        ApiResponse blank = client.put("/auth/me/gemini-api-key", Map.of("api_key", "short"),
                ApiClient.authorization(user.accessToken()));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.text("error")).contains("20 to 200 characters");
        ApiResponse anonymous = client.put("/auth/me/gemini-api-key",
                Map.of("api_key", "AIzaSyAbcdefghijklmnopqrstuvwxyz0123"));
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
