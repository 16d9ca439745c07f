package com.cvchat.auth.geminikey;

import com.cvchat.platform.openapi.RequestExample;
import com.cvchat.platform.openapi.ResponseExample;
import com.cvchat.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "accounts", description = "Sign-up, sign-in, tokens, the user's profile, Gemini key and erasure")
class GeminiKeyController {

    private final GeminiKeyService keys;

    GeminiKeyController(GeminiKeyService keys) {
        this.keys = keys;
    }

    @Operation(summary = "Set or replace the user's own Gemini API key (stored encrypted, never returned)")
    @RequestExample("{\"api_key\": \"AIzaSyExampleExampleExample123\"}")
    @ApiResponse(responseCode = "200", description = "Set")
    @ResponseExample("{\"is_set\": true, \"updated_at\": \"2025-11-15T21:05:30.123Z\"}")
    @ApiResponse(responseCode = "400", description = "api_key: must be 20 to 200 characters long")
    @PutMapping
    Status set(@Valid @RequestBody SetKey request) {
        return new Status(true, keys.set(CurrentUser.id(), request.apiKey().trim()));
    }

    @Operation(summary = "Whether the user has a Gemini API key set (the key itself is never returned)")
    @ApiResponse(responseCode = "200", description = "Set or not")
    @ResponseExample("{\"is_set\": false, \"updated_at\": null}")
    @GetMapping
    Status get() {
        return keys.updatedAt(CurrentUser.id()).map(at -> new Status(true, at)).orElse(new Status(false, null));
    }

    @Operation(summary = "Remove the user's Gemini API key")
    @ApiResponse(responseCode = "204", description = "Removed (also when none was set)")
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
