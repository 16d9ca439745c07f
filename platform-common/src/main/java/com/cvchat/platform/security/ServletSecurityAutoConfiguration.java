package com.cvchat.platform.security;

import com.cvchat.platform.web.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.AntPathMatcher;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** Every servlet service is an OAuth2 resource server with the platform's token policy and error format. */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class ServletSecurityAutoConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] ALWAYS_PUBLIC = {"/actuator/health", "/actuator/health/**", "/livez", "/readyz",
            "/actuator/prometheus", "/actuator/info", "/error", "/v3/api-docs", "/v3/api-docs/**"};

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
        return PlatformJwt.servletDecoder(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    BearerTokenResolver bearerTokenResolver(PlatformSecurityProperties properties) {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        AntPathMatcher matcher = new AntPathMatcher();
        return request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (properties.queryTokenPaths().stream().anyMatch(p -> matcher.match(p, path))) {
                String token = request.getParameter("token");
                if (token != null && !token.isBlank()) {
                    return token;
                }
            }
            return header.resolve(request);
        };
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, PlatformSecurityProperties properties,
                                                    BearerTokenResolver tokenResolver) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(com.cvchat.platform.security.PlatformJwt::authorities);
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(ALWAYS_PUBLIC).permitAll()
                        .requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(tokenResolver)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((req, res, e) ->
                                write(res, HttpStatus.UNAUTHORIZED, PlatformJwt.INVALID_TOKEN_MESSAGE))
                        .accessDeniedHandler((req, res, e) -> write(res, HttpStatus.FORBIDDEN, "Forbidden")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) ->
                                write(res, HttpStatus.UNAUTHORIZED, PlatformJwt.INVALID_TOKEN_MESSAGE))
                        .accessDeniedHandler((req, res, e) -> write(res, HttpStatus.FORBIDDEN, "Forbidden")));
        return http.build();
    }

    static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(new ApiError(message)));
    }
}
