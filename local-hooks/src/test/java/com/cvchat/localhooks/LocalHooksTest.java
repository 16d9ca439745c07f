package com.cvchat.localhooks;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class LocalHooksTest {

    @Test
    void shouldGiveEveryProducerTheInterceptorWhenArmed() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(LocalHooks.HALT_AFTER_PUBLISH, " chat.message-added ");

        new LocalHooks().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.kafka.producer.properties.interceptor.classes"))
                .isEqualTo(HaltAfterPublish.class.getName());
        assertThat(environment.getProperty("spring.kafka.producer.properties.cvchat.halt-after-publish"))
                .isEqualTo("chat.message-added");
    }

    @Test
    void shouldLeaveTheProducersAloneWhenNotArmed() {
        MockEnvironment environment = new MockEnvironment().withProperty(LocalHooks.HALT_AFTER_PUBLISH, "");

        new LocalHooks().postProcessEnvironment(environment, null);

        assertThat(environment.getPropertySources().contains(LocalHooks.SOURCE_NAME)).isFalse();
        assertThat(environment.getProperty("spring.kafka.producer.properties.interceptor.classes")).isNull();
    }
}
