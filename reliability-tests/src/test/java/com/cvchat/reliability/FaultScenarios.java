package com.cvchat.reliability;

import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.http.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.EnumSet;

/**
 * A test class of fault scenarios on a stack of its own: gateway, auth, chat-service and llm-worker (between them the
 * consumers of every topic), started once for the class and stopped after it, and a registered user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultScenarios {

    FaultStack faults;
    LocalStack stack;
    /** The registered user, through the gateway; a call the system leaves unanswered fails in 20 s, status -1. */
    ApiClient user;
    String userId;

    @BeforeAll
    void startStack() {
        faults = FaultStack.start(EnumSet.of(ServiceSpec.AUTH, ServiceSpec.CHAT, ServiceSpec.LLM_WORKER,
                ServiceSpec.GATEWAY));
        stack = faults.stack();
        ApiClient gateway = ApiClient.at(faults.api()).withTimeout(Duration.ofSeconds(20)).tolerateTransportFailures();
        user = gateway.withToken(gateway.signUp("reliability", "Reliability Test").accessToken());
        userId = user.get("/auth/me").expect(200).text("id");
    }

    @AfterAll
    void stopStack() {
        if (faults != null) {
            faults.close();
        }
    }
}
