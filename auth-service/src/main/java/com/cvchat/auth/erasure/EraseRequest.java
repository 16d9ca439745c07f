package com.cvchat.auth.erasure;

import jakarta.validation.constraints.NotBlank;

/** The user's password, re-entered to confirm an erasure. */
record EraseRequest(@NotBlank(message = "password is required") String password) {

    @Override
    public String toString() {
        return "EraseRequest[***]";
    }
}
