package com.cvchat.gateway.edge;

import com.cvchat.platform.web.ReactiveApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import reactor.core.publisher.Mono;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Spring Security's strict firewall (encoded slashes, dot segments, NUL, CR/LF, …) plus one rule it lacks: a path
 * whose percent-escapes are not UTF-8 is refused here (a service would answer it with its container's HTML page).
 * Refusals are the platform's JSON 400, not an empty body.
 */
@Configuration(proxyBeanMethods = false)
class PathFirewallConfig {

    static final String REFUSED = "The request path contains characters that are not allowed "
            + "(encoded slashes, dot segments, control characters or bytes that are not UTF-8)";

    @Bean
    ServerWebExchangeFirewall serverWebExchangeFirewall() {
        StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();
        return exchange -> {
            if (!percentEscapesAreUtf8(exchange.getRequest().getURI().getRawPath())) {
                return Mono.error(new ServerExchangeRejectedException("path escapes are not UTF-8"));
            }
            return strict.getFirewalledExchange(exchange);
        };
    }

    @Bean
    ServerExchangeRejectedHandler serverExchangeRejectedHandler() {
        return (exchange, rejected) -> ReactiveApiErrors.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, REFUSED);
    }

    static boolean percentEscapesAreUtf8(String rawPath) {
        if (rawPath == null || rawPath.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return false;
                }
                int high = Character.digit(rawPath.charAt(i + 1), 16);
                int low = Character.digit(rawPath.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
