package com.cvchat.gateway.upstream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * The protocol of the proxied requests. With {@link UpstreamProtocol#H2C} the routing client speaks HTTP/2 with
 * prior knowledge (the services' Tomcat accepts it on the same port as HTTP/1.1, see platform-common's
 * {@code Http2CleartextAutoConfiguration}); the WebSocket route keeps its own HTTP/1.1 client, because a WebSocket
 * over HTTP/2 (RFC 8441) is not something the services' Tomcat offers.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamProtocolConfig {

    @Bean
    HttpClientCustomizer upstreamProtocolCustomizer(
            @Value("${gateway.upstream-protocol:http1}") UpstreamProtocol protocol) {
        return client -> protocol == UpstreamProtocol.H2C ? client.protocol(HttpProtocol.H2C) : client;
    }

    /** The gateway's WebSocket client is built from the routing client: it always gets HTTP/1.1 back. */
    @Bean
    static BeanPostProcessor webSocketOverHttp1() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof ReactorNettyWebSocketClient client)) {
                    return bean;
                }
                WebsocketClientSpec spec = client.getWebsocketClientSpec();
                return new ReactorNettyWebSocketClient(client.getHttpClient().protocol(HttpProtocol.HTTP11),
                        () -> WebsocketClientSpec.builder()
                                .handlePing(spec.handlePing())
                                .maxFramePayloadLength(spec.maxFramePayloadLength())
                                .compress(spec.compress()));
            }
        };
    }
}
