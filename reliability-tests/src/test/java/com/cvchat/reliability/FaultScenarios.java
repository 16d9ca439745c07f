package com.cvchat.reliability;

import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.EnumSet;

/**
 * A test class of fault scenarios on a stack of its own: gateway, auth, chat-service and llm-worker (between them the
 * consumers of every topic), started once for the class and stopped after it, and a registered user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultScenarios {

    FaultStack faults;
    LocalStack stack;
    Client user;

    @BeforeAll
    void startStack() {
        faults = FaultStack.start(EnumSet.of(ServiceSpec.AUTH, ServiceSpec.CHAT, ServiceSpec.LLM_WORKER,
                ServiceSpec.GATEWAY));
        stack = faults.stack();
        user = Client.newUser(faults.api());
    }

    @AfterAll
    void stopStack() {
        if (faults != null) {
            faults.close();
        }
    }
}
