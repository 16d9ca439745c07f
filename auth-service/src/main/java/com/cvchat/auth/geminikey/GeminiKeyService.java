package com.cvchat.auth.geminikey;

import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Setting, removing and (for the internal endpoint only) reading a user's Gemini API key. */
@Service
class GeminiKeyService {

    private final GeminiKeyRepository keys;
    private final GeminiKeyCipher cipher;
    private final Clock clock;

    GeminiKeyService(GeminiKeyRepository keys, GeminiKeyCipher cipher, Clock clock) {
        this.keys = keys;
        this.cipher = cipher;
        this.clock = clock;
    }

    Instant set(String userId, String apiKey) {
        Instant now = Instant.now(clock);
        keys.save(new StoredGeminiKey(userId, cipher.encrypt(apiKey, userId), cipher.masterKeyId(), now));
        return now;
    }

    void remove(String userId) {
        keys.deleteById(userId);
    }

    Optional<Instant> updatedAt(String userId) {
        return keys.findById(userId).map(StoredGeminiKey::updatedAt);
    }

    Optional<String> reveal(String userId) {
        return keys.findById(userId).map(stored -> cipher.decrypt(stored.sealed(), userId));
    }
}
