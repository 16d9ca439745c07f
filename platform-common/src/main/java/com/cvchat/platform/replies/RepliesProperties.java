package com.cvchat.platform.replies;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The answer path of a service that asks the model ({@code platform.replies.*}).
 *
 * @param topic         the service's reply topic ({@code llm.responses.chat}, {@code .cv}, {@code .voice}); the
 *                      {@link ReplyChannel} exists only when it is set
 * @param group         the consumer group its instances share on that topic (default {@code <application>-replies})
 * @param keepOutcomes  whether the worker also publishes each answer's last event to {@code llm.outcomes}
 * @param readyTimeout  how long a request waits for this instance to own a reply partition (start-up) before a 503
 * @param fetchMaxWait  how long the broker holds an empty fetch of the reply consumer: the cost of being idle (a
 *                      record arriving ends the wait at once, so it adds no latency)
 */
@ConfigurationProperties("platform.replies")
public record RepliesProperties(String topic, String group, Boolean keepOutcomes, Duration readyTimeout,
                                Duration fetchMaxWait) {

    public RepliesProperties {
        keepOutcomes = keepOutcomes != null && keepOutcomes;
        readyTimeout = readyTimeout == null ? Duration.ofSeconds(30) : readyTimeout;
        fetchMaxWait = fetchMaxWait == null ? Duration.ofMillis(500) : fetchMaxWait;
    }
}
