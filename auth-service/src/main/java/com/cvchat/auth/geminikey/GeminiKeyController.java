package com.cvchat.auth.geminikey;

import com.cvchat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** The signed-in user's own Gemini API key: set, replace, remove, and ask whether one is set (never returned). */
@RestController
@RequestMapping("/api/v1/auth/me/gemini-api-key")
class GeminiKeyController {

    private final GeminiKeyService keys;

    GeminiKeyController(GeminiKeyService keys) {
        this.keys = keys;
    }

    @PutMapping
    Status set(@Valid @RequestBody SetKey request) {
        return new Status(true, keys.set(CurrentUser.id(), request.apiKey().trim()));
    }

    @GetMapping
    Status get() {
        return keys.updatedAt(CurrentUser.id()).map(at -> new Status(true, at)).orElse(new Status(false, null));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete() {
        keys.remove(CurrentUser.id());
    }

    record SetKey(@NotBlank(message = "is required")
                  @Size(min = 20, max = 200, message = "must be 20 to 200 characters long")
                  @Pattern(regexp = "\\s*[A-Za-z0-9_\\-.]+\\s*", message = "may hold only letters, digits, '-', '_' and '.'")
                  String apiKey) {
        @Override
        public String toString() {
            return "SetKey[***]";
        }
    }

    record Status(boolean isSet, Instant updatedAt) {
    }
}
