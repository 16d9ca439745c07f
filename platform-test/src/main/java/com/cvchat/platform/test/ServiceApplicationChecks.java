package com.cvchat.platform.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What every servlet service's application IT checks, over a real socket: it starts with the local-style embedded
 * parts, reports health and metrics, speaks HTTP/1.1 and h2c on its one port, and its OpenAPI document describes every endpoint it maps. A service's IT extends
 * this with its {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}, its broker and its infrastructure, and adds
 * what only it has.
 */
public abstract class ServiceApplicationChecks {

    @LocalServerPort
    protected int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** Operations ("GET /path") the OpenAPI document describes that no controller maps (a WebSocket's handshake). */
    protected String[] operationsWithoutMapping() {
        return new String[0];
    }

    @Test
    void shouldStartAndReportHealthUp() throws Exception {
        HealthChecks.assertHealthyAndScrapeable(port);
    }

    @Test
    void shouldSpeakHttp11AndH2cOnItsOnePort() throws Exception {
        ProtocolChecks.assertServesHttp11AndH2c(port);
    }

    @Test
    void shouldDescribeEveryEndpointInItsOpenApiDocument() throws Exception {
        ApiDocsChecks.assertDescribesEveryMapping(port, mappings, operationsWithoutMapping());
    }
}
