package com.cvchat.voice.speech.offline;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The offline provider: Debian's {@code pocketsphinx_continuous} with the {@code pocketsphinx-en-us} model.
 *
 * @param command        the executable
 * @param partialEvery   a partial transcript is computed each time this much new audio has arrived
 * @param timeout        longest a single recognition may run
 * @param workers        recognitions running at once on this instance (each is one process)
 */
@ConfigurationProperties("voice.speech.offline")
public record OfflineSpeechProperties(String command, Duration partialEvery, Duration timeout, Integer workers) {

    public OfflineSpeechProperties {
        command = command == null ? "pocketsphinx_continuous" : command;
        partialEvery = partialEvery == null ? Duration.ofMillis(1000) : partialEvery;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        workers = workers == null ? Math.max(2, Runtime.getRuntime().availableProcessors()) : workers;
    }
}
