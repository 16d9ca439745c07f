package com.cvchat.platform.web;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http2.Http2Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

import java.util.Arrays;

/**
 * Every servlet service accepts HTTP/2 without TLS (h2c) on its HTTP/1.1 port: a connection that opens with the
 * HTTP/2 preface (prior knowledge, what the gateway sends) is served over HTTP/2; everything else (browsers, probes,
 * curl, and clients such as the JDK's {@code HttpClient} that ask for {@code Upgrade: h2c}) stays HTTP/1.1 as before.
 * <p>
 * Tomcat's defaults are tuned for browsers, not for a proxy holding thousands of SSE streams:
 * <ul>
 * <li>{@code platform.http2.max-concurrent-streams} (1000, Tomcat's default is 100): streams per connection; the
 * gateway opens another connection when one is full.</li>
 * <li>Every open stream may run on its own (virtual) thread: a held SSE stream blocks its thread, and Tomcat's
 * default of 20 running streams per connection would queue the 21st behind the first twenty for as long as they
 * are held.</li>
 * <li>{@code platform.http2.initial-window-size} (16 KiB, Tomcat's default is 64 KiB): Tomcat gives every stream that
 * has a request body two buffers of this size for as long as the stream lives, so a held stream of a POST costs
 * 2 × this on the heap.</li>
 * </ul>
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({TomcatServletWebServerFactory.class, Http2Protocol.class})
@ConditionalOnProperty(name = "platform.http2.enabled", havingValue = "true", matchIfMissing = true)
public class Http2CleartextAutoConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> http2Cleartext(
            @Value("${platform.http2.max-concurrent-streams:1000}") int maxConcurrentStreams,
            @Value("${platform.http2.initial-window-size:16384}") int initialWindowSize) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            Http2Protocol http2 = http2Of(connector);
            http2.setMaxConcurrentStreams(maxConcurrentStreams);
            http2.setMaxConcurrentStreamExecution(maxConcurrentStreams);
            http2.setInitialWindowSize(initialWindowSize);
        });
    }

    /** The connector's HTTP/2 upgrade protocol ({@code server.http2.enabled} may have added it already). */
    private static Http2Protocol http2Of(Connector connector) {
        return Arrays.stream(connector.findUpgradeProtocols())
                .filter(Http2Protocol.class::isInstance).map(Http2Protocol.class::cast)
                .findFirst()
                .orElseGet(() -> {
                    Http2Protocol added = new PriorKnowledgeOnly();
                    connector.addUpgradeProtocol(added);
                    return added;
                });
    }

    /** HTTP/2 for connections that start with its preface; an {@code Upgrade: h2c} request is answered in HTTP/1.1. */
    static final class PriorKnowledgeOnly extends Http2Protocol {
        @Override
        public boolean accept(org.apache.coyote.Request request) {
            return false;
        }
    }
}
