package com.cvchat.auth.erasure;

import com.cvchat.platform.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Erasure on request: the signed-in user, with their password re-entered, erases their account and personal data. */
@RestController
@RequestMapping("/api/v1/auth/me")
class ErasureController {

    private final AccountErasure erasure;

    ErasureController(AccountErasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping("/erase")
    Map<String, String> erase(@Valid @RequestBody EraseRequest request) {
        erasure.eraseOwnAccount(CurrentUser.id(), request.password());
        return Map.of("message", "Your account and personal data have been erased");
    }
}
