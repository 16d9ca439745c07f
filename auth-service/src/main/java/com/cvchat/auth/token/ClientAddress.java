package com.cvchat.auth.token;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for throttling. Behind the gateway every request comes from the gateway, which appends the
 * address it saw as the last {@code X-Forwarded-For} entry; earlier entries are the client's own claims and ignored.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].trim();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return request.getRemoteAddr();
    }
}
