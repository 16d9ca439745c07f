package com.cvchat.llmworker.apikey;

import com.cvchat.events.llm.FailureReason;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.rules.failure.FailureTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Gemini key of a request: the user's own key (auth-service, at request time, cached for
 * {@code llm.auth.cache-ttl}), else the server key {@code GEMINI_API_KEY}, else {@code api_key_missing}. Keys are
 * held in memory only: never logged, never put on Kafka.
 */
@Component
public class GeminiKeyResolver {

    private static final Logger log = LoggerFactory.getLogger(GeminiKeyResolver.class);

    private final UserKeyClient client;
    private final AuthKeyProperties properties;
    private final String serverKey;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Autowired
    public GeminiKeyResolver(AuthKeyProperties properties, @Value("${llm.gemini.api-key:}") String serverKey) {
        this(properties, serverKey, Clock.systemUTC());
    }

    GeminiKeyResolver(AuthKeyProperties properties, String serverKey, Clock clock) {
        this.client = new UserKeyClient(properties);
        this.properties = properties;
        this.serverKey = serverKey == null || serverKey.isBlank() ? null : serverKey.strip();
        this.clock = clock;
    }

    public String resolve(String userId) {
        Optional<String> userKey = Optional.empty();
        if (userId != null && !userId.isBlank()) {
            try {
                userKey = userKey(userId);
            } catch (UserKeyClient.LookupFailed e) {
                if (serverKey == null) {
                    throw new LlmFailure(FailureReason.PROVIDER_UNAVAILABLE, true,
                            "Could not look up the user's Gemini API key: " + e.getMessage());
                }
                log.warn("Gemini key lookup failed ({}); using the server key", e.getMessage());
            }
        }
        return userKey.or(() -> Optional.ofNullable(serverKey)).orElseThrow(() -> new LlmFailure(
                FailureReason.API_KEY_MISSING, false, FailureTexts.API_KEY_MISSING));
    }

    private Optional<String> userKey(String userId) {
        if (properties.cacheTtl().isZero()) {
            return client.lookup(userId);
        }
        Instant now = clock.instant();
        Cached cached = cache.get(userId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.key();
        }
        Optional<String> key = client.lookup(userId);
        cache.put(userId, new Cached(key, now.plus(properties.cacheTtl())));
        if (cache.size() > 10_000) {
            cache.entrySet().removeIf(entry -> !entry.getValue().until().isAfter(now));
        }
        return key;
    }

    private record Cached(Optional<String> key, Instant until) {
        @Override
        public String toString() {
            return "Cached[key=" + (key.isPresent() ? "***" : "none") + ", until=" + until + "]";
        }
    }
}
