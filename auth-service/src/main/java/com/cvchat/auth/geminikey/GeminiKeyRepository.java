package com.cvchat.auth.geminikey;

import org.springframework.data.mongodb.repository.MongoRepository;

interface GeminiKeyRepository extends MongoRepository<StoredGeminiKey, String> {
}
