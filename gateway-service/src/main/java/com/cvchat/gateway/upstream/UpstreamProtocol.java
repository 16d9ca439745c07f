package com.cvchat.gateway.upstream;

/** How the gateway speaks to the services it routes to ({@code GATEWAY_UPSTREAM_PROTOCOL}). */
public enum UpstreamProtocol {
    /**
     * HTTP/2 over cleartext with prior knowledge: requests and SSE streams to one service share a few connections
     * (one per {@code platform.http2.max-concurrent-streams} streams) instead of one connection each.
     */
    H2C,
    /** HTTP/1.1: one pooled connection per request in flight (per held SSE stream). */
    HTTP1
}
