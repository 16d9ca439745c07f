package com.cvchat.auth.account;

import java.time.Instant;
import java.util.List;

/** A user as the API shows it. */
public record UserResponse(String id, String email, String fullName, List<String> roles, Instant createdAt) {
}
