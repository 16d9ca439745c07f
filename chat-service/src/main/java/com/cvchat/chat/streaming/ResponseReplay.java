package com.cvchat.chat.streaming;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.llm.LlmResponseEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Resumes an answer on any instance: reads the conversation's partition of {@code llm.responses} from the offset
 * recorded when the request was sent, and hands the request's events (and its title's) to an inbox, in log order,
 * until the answer's last event (waiting for room when the client reads slower than the log). Works the same for an answer still being generated (it follows the log live) and
 * for one that finished.
 */
@Component
public class ResponseReplay {

    private static final Logger log = LoggerFactory.getLogger(ResponseReplay.class);

    private final ResponseLog responseLog;
    private final StreamSettings settings;

    ResponseReplay(ResponseLog responseLog, StreamSettings settings) {
        this.responseLog = responseLog;
        this.settings = settings;
    }

    /** A running replay; close it when the client is gone. */
    public static final class Replay implements AutoCloseable {
        private final StreamInbox inbox;
        private volatile KafkaConsumer<?, ?> consumer;
        private volatile boolean closed;

        Replay(StreamInbox inbox) {
            this.inbox = inbox;
        }

        public StreamInbox inbox() {
            return inbox;
        }

        @Override
        public void close() {
            closed = true;
            KafkaConsumer<?, ?> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }
    }

    public Replay start(StreamRecord record) {
        Replay replay = new Replay(new StreamInbox(settings.bufferedEvents()));
        Thread.ofVirtual().name("replay-" + record.requestId()).start(() -> run(record, replay));
        return replay;
    }

    private void run(StreamRecord record, Replay replay) {
        try (KafkaConsumer<String, EventEnvelope<EventPayload>> consumer =
                     responseLog.readerAt(record.partition(), record.startOffset())) {
            replay.consumer = consumer;
            boolean finished = false;
            while (!finished && !replay.closed) {
                for (ConsumerRecord<String, EventEnvelope<EventPayload>> kafkaRecord : consumer.poll(Duration.ofMillis(500))) {
                    if (kafkaRecord.value() != null && kafkaRecord.value().payload() instanceof LlmResponseEvent event
                            && belongsTo(record, event)) {
                        if (!replay.inbox.put(event, () -> replay.closed)) {
                            return;
                        }
                        finished |= event.terminal() && event.requestId().equals(record.requestId());
                    }
                }
            }
        } catch (WakeupException e) {
            // closed by the writer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Replay of request {} stopped: {}", record.requestId(), e.toString());
        }
    }

    private static boolean belongsTo(StreamRecord record, LlmResponseEvent event) {
        return ResponseFanOut.ORIGIN.equals(event.origin())
                && (event.requestId().equals(record.requestId()) || record.isTitle(event.requestId()));
    }
}
