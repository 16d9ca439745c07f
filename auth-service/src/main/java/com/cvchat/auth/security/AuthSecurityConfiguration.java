package com.cvchat.auth.security;

import com.cvchat.auth.token.SigningKeys;
import com.cvchat.platform.security.PlatformJwt;
import com.cvchat.platform.security.PlatformSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.util.AntPathMatcher;

/**
 * auth-service is a resource server like every other service (platform-common's chain and error format), with two
 * differences: it verifies tokens against its own keys in memory rather than over HTTP, and it ignores bearer
 * headers on its public paths (login with a stale token works; {@code /internal/**} carries the service credential
 * in that header instead, checked by {@link InternalApiToken}).
 */
@Configuration(proxyBeanMethods = false)
class AuthSecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, PlatformSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSource((selector, context) -> selector.select(keys.publicJwks()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(PlatformJwt.validator(properties));
        return decoder;
    }

    @Bean
    BearerTokenResolver bearerTokenResolver(PlatformSecurityProperties properties) {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        AntPathMatcher matcher = new AntPathMatcher();
        return request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return properties.publicPaths().stream().anyMatch(p -> matcher.match(p, path)) ? null : header.resolve(request);
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
