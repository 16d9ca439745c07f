package com.cvchat.chat.web.tomcat;

import com.cvchat.chat.stream.StreamSettings;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's memory per connection, trimmed for thousands of held SSE streams (each is one connection for minutes).
 * Tomcat gives every connection a socket read and a socket write buffer of 8 KiB each, and its request header
 * buffer is the header limit plus the read buffer. Our requests are small (a bearer token, a JSON body read in
 * pieces) and most events are a few hundred bytes, so 1 KiB buffers cost a few more reads of a large body (and more
 * than one socket write for a rare large event) and nothing else: ~21 KiB less per held stream. The header limit itself ({@code server.max-http-request-header-size}) is
 * unchanged, and so are the body limits. The response buffer is smaller too ({@link SmallBufferHttp11Protocol}).
 */
@Configuration(proxyBeanMethods = false)
class HeldConnectionsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallResponseBuffers() {
        return factory -> factory.setProtocol(SmallBufferHttp11Protocol.class.getName());
    }

    @Bean
    TomcatConnectorCustomizer smallSocketBuffers(StreamSettings settings) {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(settings.socketBufferBytes()));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(settings.socketBufferBytes()));
        };
    }
}
