package com.cvchat.auth.token;

import com.cvchat.platform.observability.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for throttling: behind the gateway every request comes from the gateway, which passes the
 * address it saw in {@code X-Client-Address} (overwriting any client value); without it, the socket's peer.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String forwarded = request.getHeader(ClientAddresses.HEADER);
        return forwarded != null && !forwarded.isBlank() ? forwarded.trim() : request.getRemoteAddr();
    }
}
