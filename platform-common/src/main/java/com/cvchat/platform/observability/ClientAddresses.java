package com.cvchat.platform.observability;

/**
 * The client's network address as the gateway saw it. The gateway always overwrites this header (a client cannot
 * choose it); services behind the gateway read it for per-address decisions such as login throttling.
 */
public final class ClientAddresses {
    public static final String HEADER = "X-Client-Address";

    private ClientAddresses() {
    }
}
