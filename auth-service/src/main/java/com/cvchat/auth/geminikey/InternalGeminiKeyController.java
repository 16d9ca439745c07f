package com.cvchat.auth.geminikey;

import com.cvchat.auth.security.InternalApiToken;
import com.cvchat.platform.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * For llm-worker only, never routed by the gateway: a user's Gemini key in plain text, behind the service credential
 * ({@code Authorization: Bearer ${INTERNAL_API_TOKEN}}).
 */
@RestController
class InternalGeminiKeyController {

    private final GeminiKeyService keys;
    private final InternalApiToken internalToken;

    InternalGeminiKeyController(GeminiKeyService keys, InternalApiToken internalToken) {
        this.keys = keys;
        this.internalToken = internalToken;
    }

    @GetMapping("/internal/v1/users/{userId}/gemini-api-key")
    ApiKey lookup(@PathVariable String userId,
                  @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        internalToken.check(authorization);
        return keys.reveal(userId).map(ApiKey::new)
                .orElseThrow(() -> ApiException.notFound("No Gemini API key set for this user"));
    }

    record ApiKey(String apiKey) {
        @Override
        public String toString() {
            return "ApiKey[***]";
        }
    }
}
