package com.cvchat.auth.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/register} body. */
public record RegisterRequest(
        @NotBlank(message = "is required") @Email(message = "is not a valid email address") @Size(max = 254) String email,
        @NotBlank(message = "is required") String password,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String fullName) {

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + "]";
    }
}
