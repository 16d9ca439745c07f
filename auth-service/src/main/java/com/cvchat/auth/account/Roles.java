package com.cvchat.auth.account;

import com.cvchat.auth.AuthProperties;
import org.springframework.stereotype.Component;

import java.util.List;

/** Every account is a {@code user}; the emails listed in {@code auth.admin-emails} are also {@code admin}. */
@Component
public class Roles {

    private final List<String> adminEmails;

    Roles(AuthProperties properties) {
        this.adminEmails = properties.adminEmails();
    }

    public List<String> of(UserAccount user) {
        return adminEmails.contains(user.email()) ? List.of("user", "admin") : List.of("user");
    }
}
