package com.cvchat.auth.account;

import com.cvchat.platform.openapi.RequestExample;
import com.cvchat.platform.openapi.ResponseExample;
import com.cvchat.platform.security.CurrentUser;
import com.cvchat.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "accounts", description = "Sign-up, sign-in, tokens, the user's profile, Gemini key and erasure")
class AccountController {

    static final String REGISTER = """
            {"email": "sarah@example.com", "password": "A-long-passphrase-1", "full_name": "Sarah Johnson"}""";

    static final String USER = """
            {"id": "6f1c2d3e-0000-4000-8000-000000000001", "email": "sarah@example.com", "full_name": "Sarah Johnson",
             "roles": ["user"], "created_at": "2025-11-15T20:58:14.963Z"}""";

    private final AccountService accounts;
    private final Roles roles;

    AccountController(AccountService accounts, Roles roles) {
        this.accounts = accounts;
        this.roles = roles;
    }

    @Operation(summary = "Create an account (then log in)",
            description = "Password: at least " + PasswordPolicy.MIN_LENGTH + " characters, at most "
                    + PasswordPolicy.MAX_BYTES + " bytes, letters and a digit or symbol, not the email address.")
    @RequestExample(REGISTER)
    @ApiResponse(responseCode = "201", description = "The new account")
    @ResponseExample(AccountController.USER)
    @ApiResponse(responseCode = "400", description = "full_name: is required")
    @ApiResponse(responseCode = "409", description = "An account with this email already exists")
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse register(@Valid @RequestBody RegisterRequest request) {
        return view(accounts.register(request));
    }

    @Operation(summary = "The signed-in user's profile")
    @ApiResponse(responseCode = "200", description = "The profile")
    @ResponseExample(AccountController.USER)
    @ApiResponse(responseCode = "404", description = "User not found")
    @GetMapping("/me")
    UserResponse me() {
        return accounts.find(CurrentUser.id()).map(this::view)
                .orElseThrow(() -> ApiException.notFound("User not found"));
    }

    private UserResponse view(UserAccount account) {
        return new UserResponse(account.id(), account.email(), account.fullName(), roles.of(account), account.createdAt());
    }
}
