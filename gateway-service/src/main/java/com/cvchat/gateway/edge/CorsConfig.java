package com.cvchat.gateway.edge;

import com.cvchat.gateway.GatewayProperties;
import com.cvchat.platform.observability.RequestIds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * Browser clients from {@code gateway.cors.allowed-origins}; answered before the token check, so a preflight
 * ({@code OPTIONS}, which carries no token) succeeds.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    CorsWebFilter corsWebFilter(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Last-Event-ID", RequestIds.HEADER));
        cors.setExposedHeaders(List.of(RequestIds.HEADER, "Retry-After"));
        cors.setMaxAge(properties.cors().maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }
}
