package com.cvchat.platform.replay;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.ErasedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

/**
 * Replay mode of a service ({@code platform.replay.enabled=true}): applies {@code conversation.events} from the
 * beginning to the end offsets through the service's own projectors into whatever database the service is pointed at,
 * then exits. Started by the {@code audit-replay} command; listeners and the web server are off in this mode.
 */
public class ReplayRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReplayRunner.class);

    private final ConversationLog conversationLog;
    private final List<ConversationEventApplier> appliers;
    private final ConfigurableApplicationContext context;

    public ReplayRunner(ConversationLog conversationLog, List<ConversationEventApplier> appliers,
                        ConfigurableApplicationContext context) {
        this.conversationLog = conversationLog;
        this.appliers = appliers;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        long applied = conversationLog.forEach(this::apply);
        log.info("Replay finished: {} events read from conversation.events", applied);
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    void apply(EventEnvelope<ConversationEvent> event) {
        if (event.payload() instanceof ErasedEvent) {
            return;
        }
        for (ConversationEventApplier applier : appliers) {
            if (applier.accepts(event.payload())) {
                applier.apply(event);
            }
        }
    }
}
