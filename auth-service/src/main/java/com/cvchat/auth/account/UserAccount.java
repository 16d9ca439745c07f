package com.cvchat.auth.account;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A registered user; {@code email} is stored lower-case and unique, the password only as an encoder hash. */
@Document("users")
public record UserAccount(@Id String id, @Indexed(unique = true) String email, String fullName, String passwordHash,
                          Instant createdAt) {

    @Override
    public String toString() {
        return "UserAccount[id=" + id + "]";
    }
}
