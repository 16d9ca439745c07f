package com.cvchat.auth.token;

import com.cvchat.auth.account.AccountService;
import com.cvchat.auth.account.Emails;
import com.cvchat.auth.account.UserAccount;
import com.cvchat.platform.openapi.RequestExample;
import com.cvchat.platform.openapi.ResponseExample;
import com.cvchat.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Login, refresh-token rotation and logout. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "accounts", description = "Sign-up, sign-in, tokens, the user's profile, Gemini key and erasure")
class TokenController {

    static final String BAD_CREDENTIALS = "Invalid email or password";
    static final String BAD_REFRESH = "Invalid or expired refresh token";
    static final String LOGIN_EXAMPLE = "{\"email\": \"sarah@example.com\", \"password\": \"A-long-passphrase-1\"}";
    static final String REFRESH_EXAMPLE = "{\"refresh_token\": \"cmVmcmVzaC10b2tlbg...\"}";
    static final String TOKENS_EXAMPLE = "{\"access_token\": \"eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9...\", "
            + "\"refresh_token\": \"cmVmcmVzaC10b2tlbg...\", \"token_type\": \"bearer\", \"expires_in\": 900}";

    private final AccountService accounts;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;

    TokenController(AccountService accounts, AccessTokens accessTokens, RefreshTokens refreshTokens,
                    LoginThrottle throttle) {
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
    }

    @Operation(summary = "Log in: an access token (15 min) and a refresh token")
    @RequestExample(LOGIN_EXAMPLE)
    @ApiResponse(responseCode = "200", description = "The tokens")
    @ResponseExample(TOKENS_EXAMPLE)
    @ApiResponse(responseCode = "401", description = BAD_CREDENTIALS)
    @ApiResponse(responseCode = "429", description = "Too many failed login attempts. Try again in 840 seconds.")
    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody TokenRequests.Login request, HttpServletRequest http) {
        String account = Emails.normalize(request.email());
        String address = ClientAddress.of(http);
        throttle.retryAfter(account, address).ifPresent(wait -> {
            throw new TooManyAttemptsException(wait);
        });
        UserAccount user = accounts.authenticate(account, request.password()).orElseThrow(() -> {
            throttle.failed(account, address);
            return new ApiException(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
        });
        throttle.succeeded(account);
        return tokens(user, refreshTokens.start(user.id()));
    }

    @Operation(summary = "A new token pair for a refresh token (which is used up)")
    @RequestExample(REFRESH_EXAMPLE)
    @ApiResponse(responseCode = "200", description = "The new tokens")
    @ResponseExample(TOKENS_EXAMPLE)
    @ApiResponse(responseCode = "401", description = BAD_REFRESH)
    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody TokenRequests.Refresh request) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(request.refreshToken())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, BAD_REFRESH));
        UserAccount user = accounts.find(rotation.userId())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, BAD_REFRESH));
        return tokens(user, rotation.refreshToken());
    }

    @Operation(summary = "Log out: revoke a refresh token")
    @RequestExample(REFRESH_EXAMPLE)
    @ApiResponse(responseCode = "204", description = "Revoked (also when it was unknown)")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody TokenRequests.Refresh request) {
        refreshTokens.revoke(request.refreshToken());
    }

    private TokenResponse tokens(UserAccount user, String refreshToken) {
        return TokenResponse.bearer(accessTokens.issue(user), refreshToken, accessTokens.ttl().toSeconds());
    }
}
