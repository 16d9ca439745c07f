package com.cvchat.cvbuilder;

import com.cvchat.platform.test.HealthChecks;
import com.cvchat.platform.test.ProtocolChecks;
import com.cvchat.platform.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts with the local-style embedded parts and reports health over a real socket. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 2)
class CvBuilderServiceApplicationIT {

    @LocalServerPort
    int port;

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
}
