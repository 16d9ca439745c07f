package com.cvchat.llmworker.apikey;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the user's own Gemini key is looked up.
 *
 * @param url           auth-service base URL ({@code AUTH_SERVICE_URL})
 * @param internalToken the service-to-service token ({@code INTERNAL_API_TOKEN}); never logged
 * @param cacheTtl      how long a looked-up key (or its absence) is reused; {@code 0} disables the cache
 * @param timeout       connect and response timeout of one lookup
 */
@ConfigurationProperties("llm.auth")
public record AuthKeyProperties(String url, String internalToken, Duration cacheTtl, Duration timeout) {

    public AuthKeyProperties {
        url = url == null || url.isBlank() ? "http://localhost:8081" : url.replaceAll("/+$", "");
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(30) : cacheTtl;
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }
}
