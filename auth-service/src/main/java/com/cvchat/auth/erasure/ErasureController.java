package com.cvchat.auth.erasure;

import com.cvchat.platform.openapi.RequestExample;
import com.cvchat.platform.openapi.ResponseExample;
import com.cvchat.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Erasure on request: the signed-in user, with their password re-entered, erases their account and personal data. */
@RestController
@RequestMapping("/api/v1/auth/me")
@Tag(name = "accounts", description = "Sign-up, sign-in, tokens, the user's profile, Gemini key and erasure")
class ErasureController {

    private final AccountErasure erasure;

    ErasureController(AccountErasure erasure) {
        this.erasure = erasure;
    }

    @Operation(summary = "Erase the account and all personal data (password re-entered)",
            description = "Destroys the user's keys (crypto-shredding of the audit log), deletes the account, tokens, "
                    + "conversations, CV sessions and documents.")
    @RequestExample("{\"password\": \"A-long-passphrase-1\"}")
    @ApiResponse(responseCode = "200", description = "Erased")
    @ResponseExample("{\"message\": \"Your account and personal data have been erased\"}")
    @ApiResponse(responseCode = "403", description = "The password is not correct")
    @ApiResponse(responseCode = "503", description = "Erasure is unavailable right now; please try again")
    @PostMapping("/erase")
    Map<String, String> erase(@Valid @RequestBody EraseRequest request) {
        erasure.eraseOwnAccount(CurrentUser.id(), request.password());
        return Map.of("message", "Your account and personal data have been erased");
    }
}
