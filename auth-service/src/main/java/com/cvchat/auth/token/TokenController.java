package com.cvchat.auth.token;

import com.cvchat.auth.account.AccountService;
import com.cvchat.auth.account.Emails;
import com.cvchat.auth.account.UserAccount;
import com.cvchat.platform.web.ApiException;
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
class TokenController {

    static final String BAD_CREDENTIALS = "Invalid email or password";
    static final String BAD_REFRESH = "Invalid or expired refresh token";

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

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody TokenRequests.Refresh request) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(request.refreshToken())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, BAD_REFRESH));
        UserAccount user = accounts.find(rotation.userId())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, BAD_REFRESH));
        return tokens(user, rotation.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody TokenRequests.Refresh request) {
        refreshTokens.revoke(request.refreshToken());
    }

    private TokenResponse tokens(UserAccount user, String refreshToken) {
        return TokenResponse.bearer(accessTokens.issue(user), refreshToken, accessTokens.ttl().toSeconds());
    }
}
