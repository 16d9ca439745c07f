package com.cvchat.cvbuilder.turn;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a turn may take.
 *
 * @param timeout       the longest wait for the worker's answer before the request answers 504 (and the model
 *                      request is cancelled)
 * @param historyWindow how many earlier messages of the session go to the model as context
 */
@ConfigurationProperties("cvbuilder.turn")
public record TurnProperties(Duration timeout, Integer historyWindow) {

    public TurnProperties {
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        historyWindow = historyWindow == null ? 12 : historyWindow;
    }
}
