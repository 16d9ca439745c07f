package com.cvchat.auth.geminikey;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A user's Gemini API key, sealed with {@link GeminiKeyCipher}; never held in plain text at rest. */
@Document("gemini_api_keys")
record StoredGeminiKey(@Id String userId, String sealed, String masterKeyId, Instant updatedAt) {

    @Override
    public String toString() {
        return "StoredGeminiKey[userId=" + userId + "]";
    }
}
