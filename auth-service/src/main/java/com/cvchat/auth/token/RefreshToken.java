package com.cvchat.auth.token;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One refresh token of a family (the chain of tokens from one login). Only the SHA-256 of the token is stored.
 * {@code used}: it was exchanged once (presenting it again is reuse); {@code revoked}: its family ended.
 */
@Document("refresh_tokens")
record RefreshToken(@Id String hash, @Indexed String familyId, String userId, Instant issuedAt, Instant expiresAt,
                    boolean used, boolean revoked) {
}
