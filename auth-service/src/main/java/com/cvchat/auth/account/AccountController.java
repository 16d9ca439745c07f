package com.cvchat.auth.account;

import com.cvchat.platform.security.CurrentUser;
import com.cvchat.platform.web.ApiException;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration and the current user's profile. */
@RestController
@RequestMapping("/api/v1/auth")
class AccountController {

    private final AccountService accounts;
    private final Roles roles;

    AccountController(AccountService accounts, Roles roles) {
        this.accounts = accounts;
        this.roles = roles;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse register(@Valid @RequestBody RegisterRequest request) {
        return view(accounts.register(request));
    }

    @GetMapping("/me")
    UserResponse me() {
        return accounts.find(CurrentUser.id()).map(this::view)
                .orElseThrow(() -> ApiException.notFound("User not found"));
    }

    private UserResponse view(UserAccount account) {
        return new UserResponse(account.id(), account.email(), account.fullName(), roles.of(account), account.createdAt());
    }
}
