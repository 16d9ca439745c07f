package com.cvchat.events.llm;

/**
 * Where the answer of an {@link LlmRequest} goes: the reply topic of the service that asks and the partition that the
 * asking instance owns (the reply-partition pattern of request/reply over Kafka), so only that instance fetches it.
 *
 * @param topic        the asking service's reply topic ({@code llm.responses.chat}, {@code .cv}, {@code .voice})
 * @param partition    the partition of that topic the asking instance reads
 * @param outcomeTopic where the answer's last event ({@code llm.completed} / {@code llm.failed}) is also published, for
 *                     a consumer that stores answers whatever happens to the asking instance
 *                     ({@code llm.outcomes}); null when the asker needs no such copy
 */
public record ReplyTo(String topic, int partition, String outcomeTopic) {
}
