package com.cvchat.auth.account;

import java.util.Locale;

/** One spelling of an email address for storage and look-up. */
public final class Emails {

    private Emails() {
    }

    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
