package com.cvchat.chat.streaming;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Deletes this instance's broadcast group ({@code chat-stream-<instance id>}) from the broker when the instance stops,
 * after its listeners have stopped (a lower phase stops later). Without it every restart left a group behind, holding
 * committed offsets for the broker's offset retention (7 days): thousands after a day of test runs. An instance killed
 * without a clean stop still leaves its group; the retention removes it.
 */
@Component
class FanOutGroupCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FanOutGroupCleanup.class);

    private final KafkaAdmin kafkaAdmin;
    private final ChatInstance instance;
    private volatile boolean running;

    FanOutGroupCleanup(KafkaAdmin kafkaAdmin, ChatInstance instance) {
        this.kafkaAdmin = kafkaAdmin;
        this.instance = instance;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            admin.deleteConsumerGroups(List.of(instance.fanOutGroup())).all().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.info("Could not delete the fan-out group {} ({}); the broker's offset retention will",
                    instance.fanOutGroup(), e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0; // the listener containers (phase Integer.MAX_VALUE - 100) stop first
    }
}
