package com.cvchat.platform.security;

import com.cvchat.platform.web.ReactiveApiErrors;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.util.AntPathMatcher;
import reactor.core.publisher.Mono;

/** The reactive twin of {@link ServletSecurityAutoConfiguration}, for the gateway: same token policy, same errors. */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class ReactiveSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder reactiveJwtDecoder(PlatformSecurityProperties properties) {
        return PlatformJwt.reactiveDecoder(properties);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain platformSecurityWebFilterChain(ServerHttpSecurity http, PlatformSecurityProperties properties) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(PlatformJwt::authorities);
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers(ServletSecurityAutoConfiguration.ALWAYS_PUBLIC).permitAll()
                        .pathMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenConverter(tokenConverter(properties))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter)))
                        .authenticationEntryPoint((exchange, e) ->
                                write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, PlatformJwt.INVALID_TOKEN_MESSAGE))
                        .accessDeniedHandler((exchange, e) -> write(exchange.getResponse(), HttpStatus.FORBIDDEN, "Forbidden")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) ->
                                write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, PlatformJwt.INVALID_TOKEN_MESSAGE))
                        .accessDeniedHandler((exchange, e) -> write(exchange.getResponse(), HttpStatus.FORBIDDEN, "Forbidden")));
        return http.build();
    }

    /** Bearer header everywhere; {@code ?token=} only on the configured paths (the voice WebSocket). */
    static ServerAuthenticationConverter tokenConverter(PlatformSecurityProperties properties) {
        ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();
        AntPathMatcher matcher = new AntPathMatcher();
        return exchange -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (properties.queryTokenPaths().stream().anyMatch(p -> matcher.match(p, path))) {
                // the spec's parameter is "token" (Spring's own query support reads "access_token")
                String token = exchange.getRequest().getQueryParams().getFirst("token");
                if (token != null && !token.isBlank()) {
                    return Mono.just(new BearerTokenAuthenticationToken(token));
                }
            }
            return header.convert(exchange);
        };
    }

    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String message) {
        return ReactiveApiErrors.write(response, status, message);
    }
}
