package com.cvchat.cvbuilder;

import com.cvchat.platform.test.HealthChecks;
import com.cvchat.platform.test.ProtocolChecks;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.ApiDocsChecks;
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
class CvBuilderServiceApplicationIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "cv");
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
        ApiDocsChecks.assertDescribesEveryMapping(port, mappings);
    }
}
