package com.cvchat.voice;

import com.cvchat.platform.test.ApiDocsChecks;
import com.cvchat.platform.test.HealthChecks;
import com.cvchat.platform.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The service starts with the local-style embedded parts and reports health over a real socket. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 2)
class VoiceServiceApplicationIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "voice");
    }

    @Test
    void shouldStartAndReportHealthUp() throws Exception {
        HealthChecks.assertHealthyAndScrapeable(port);
    }

    @Test
    void shouldDescribeEveryEndpointInItsOpenApiDocument() throws Exception {
        ApiDocsChecks.assertDescribesEveryMapping(port, mappings, "GET /api/v1/chats/ws/voice/{chat_session_id}");
    }
}
