package com.cvchat.voice.socket;

import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Registers Tomcat's Jakarta WebSocket server container in the embedded server. Spring Boot's own WebSocket
 * module does not resolve for 4.1.1, so we add Tomcat's {@link WsSci} initializer ourselves; the container then
 * takes the buffer sizes and idle timeout of {@link VoiceLimits}.
 */
@Configuration(proxyBeanMethods = false)
class TomcatWebSocketSupport {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatWebSocketContainer() {
        return factory -> factory.addContextCustomizers(context -> context.addServletContainerInitializer(new WsSci(), null));
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(VoiceLimits limits) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(limits.maxMessageBytes());
        container.setMaxBinaryMessageBufferSize(limits.maxMessageBytes());
        // our own idle check closes with a message first; this is the container's backstop
        container.setMaxSessionIdleTimeout(limits.idleTimeout().multipliedBy(2).toMillis());
        return container;
    }
}
