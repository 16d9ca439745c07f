package com.cvchat.auth.account;

import com.cvchat.platform.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Registration, credential checks and look-ups of accounts. */
@Service
public class AccountService {

    static final String EMAIL_TAKEN = "An account with this email already exists";

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    /** Compared against when the email is unknown, so both failures take the same time. */
    private final String dummyHash;

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    public UserAccount register(RegisterRequest request) {
        String email = Emails.normalize(request.email());
        PasswordPolicy.check(request.password(), email);
        if (users.existsByEmail(email)) {
            throw ApiException.conflict(EMAIL_TAKEN);
        }
        UserAccount account = new UserAccount(UUID.randomUUID().toString(), email, request.fullName().trim(),
                passwordEncoder.encode(request.password()), Instant.now(clock));
        try {
            return users.insert(account);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict(EMAIL_TAKEN);
        }
    }

    /** The account when the password matches, else empty (never says which part was wrong). */
    public Optional<UserAccount> authenticate(String email, String password) {
        Optional<UserAccount> account = users.findByEmail(Emails.normalize(email));
        String candidate = password == null ? "" : password;
        if (account.isEmpty()) {
            passwordEncoder.matches(candidate, dummyHash);
            return Optional.empty();
        }
        return passwordEncoder.matches(candidate, account.get().passwordHash()) ? account : Optional.empty();
    }

    public Optional<UserAccount> find(String userId) {
        return users.findById(userId);
    }
}
