package com.cvchat.gateway.edge;

import com.cvchat.gateway.GatewayProperties;
import com.cvchat.platform.observability.RequestIds;
import com.cvchat.platform.web.ReactiveApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;

import java.util.List;

/**
 * Browser clients from {@code gateway.cors.allowed-origins}; answered before the token check, so a preflight
 * ({@code OPTIONS}, which carries no token) succeeds. A refused origin gets 403 {@code {"error"}} (Spring's
 * {@code CorsWebFilter} answers an empty 403).
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

    static final String REFUSED = "Cross-origin request refused: this origin is not allowed to call the API";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    WebFilter corsWebFilter(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Last-Event-ID", RequestIds.HEADER));
        cors.setExposedHeaders(List.of(RequestIds.HEADER, "Retry-After"));
        cors.setMaxAge(properties.cors().maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        CorsProcessor processor = new DefaultCorsProcessor();
        return (exchange, chain) -> {
            CorsConfiguration config = source.getCorsConfiguration(exchange);
            if (!processor.process(config, exchange)) {
                return ReactiveApiErrors.write(exchange.getResponse(), HttpStatus.FORBIDDEN, REFUSED);
            }
            return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? exchange.getResponse().setComplete()
                    : chain.filter(exchange);
        };
    }
}
