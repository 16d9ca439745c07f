package com.cvchat.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Headers of the web client's pages (everything outside {@code /api/}): a Content-Security-Policy that allows only
 * the gateway's own scripts, styles and connections (no inline script, no other origin), so even a model answer that
 * slipped into the page as markup could not run code, plus a referrer policy. API answers are left to the services.
 * {@code /} is served as {@code /index.html}, so it is revalidated like every other file of the client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class WebClientHeadersWebFilter implements WebFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; worker-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI ({@code /swagger-ui/}) sets inline styles from its own script; still no inline script. */
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY =
            CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if ("/".equals(path)) {
            // the start page is index.html, served by the resource handler like the other files (same caching)
            exchange = exchange.mutate().request(request -> request.path("/index.html")).build();
        }
        if (!path.startsWith("/api/")) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy",
                    path.startsWith("/swagger-ui/") ? SWAGGER_UI_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
            headers.set("Referrer-Policy", "same-origin");
            headers.set("Permissions-Policy", "microphone=(self), camera=(), geolocation=()");
        }
        return chain.filter(exchange);
    }
}
