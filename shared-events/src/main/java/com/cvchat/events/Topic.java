package com.cvchat.events;

import java.util.Map;

/**
 * A typed topic descriptor: name, key (always the conversation id, a String) and the payload family of its values.
 *
 * @param name              stable topic name
 * @param payloadType       the sealed payload family carried on the topic
 * @param defaultPartitions partitions when nothing else is configured
 * @param config            topic-level configuration applied at creation (retention, cleanup policy …)
 */
public record Topic<P extends EventPayload>(
        String name,
        Class<P> payloadType,
        int defaultPartitions,
        Map<String, String> config) {

    /** The dead-letter topic of this topic: {@code <name>.dlt}, same partitions, kept for 14 days. */
    public Topic<P> deadLetter() {
        return new Topic<>(name + Topics.DLT_SUFFIX, payloadType, defaultPartitions, Map.of("retention.ms", "1209600000"));
    }

    /** Accepts a payload only if it belongs on this topic. */
    public boolean carries(EventPayload payload) {
        return payloadType.isInstance(payload);
    }
}
