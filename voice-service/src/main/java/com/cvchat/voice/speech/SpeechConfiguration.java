package com.cvchat.voice.speech;

import com.cvchat.voice.speech.google.GoogleSpeechProperties;
import com.cvchat.voice.speech.google.GoogleSpeechRecognizer;
import com.cvchat.voice.speech.offline.OfflineSpeechProperties;
import com.cvchat.voice.speech.offline.OfflineSpeechRecognizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Chooses the speech provider with {@code voice.speech.provider} ({@code VOICE_SPEECH_PROVIDER}): offline or google. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OfflineSpeechProperties.class, GoogleSpeechProperties.class})
class SpeechConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnProperty(name = "voice.speech.provider", havingValue = "offline", matchIfMissing = true)
    ExecutorService offlineSpeechWorkers(OfflineSpeechProperties properties) {
        return Executors.newFixedThreadPool(properties.workers(), Thread.ofPlatform().name("pocketsphinx-", 0).daemon().factory());
    }

    @Bean
    @ConditionalOnProperty(name = "voice.speech.provider", havingValue = "offline", matchIfMissing = true)
    SpeechRecognizer offlineSpeechRecognizer(OfflineSpeechProperties properties, ExecutorService offlineSpeechWorkers) {
        return new OfflineSpeechRecognizer(properties, offlineSpeechWorkers);
    }

    @Bean
    @ConditionalOnProperty(name = "voice.speech.provider", havingValue = "google")
    SpeechRecognizer googleSpeechRecognizer(GoogleSpeechProperties properties) {
        return new GoogleSpeechRecognizer(properties, Clock.systemUTC());
    }
}
