package com.cvchat.voice.speech.google;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The Google Cloud Speech provider (v1 StreamingRecognize). Credentials are Google's Application Default
 * Credentials ({@code GOOGLE_APPLICATION_CREDENTIALS}), never a property of this service.
 *
 * @param endpoint     {@code host:port} of the Speech API
 * @param plaintext    talk plain gRPC without credentials (a local endpoint for tests only)
 * @param languageCode BCP-47 language of the speech
 * @param model        recognition model ({@code latest_long}, …); null = Google's default
 * @param restartAfter a stream is replaced by a new one after this long, before Google's 5-minute stream limit
 */
@ConfigurationProperties("voice.speech.google")
public record GoogleSpeechProperties(String endpoint, boolean plaintext, String languageCode, String model,
                                     Duration restartAfter) {

    public GoogleSpeechProperties {
        endpoint = endpoint == null ? "speech.googleapis.com:443" : endpoint;
        languageCode = languageCode == null ? "en-US" : languageCode;
        restartAfter = restartAfter == null ? Duration.ofSeconds(270) : restartAfter;
    }
}
