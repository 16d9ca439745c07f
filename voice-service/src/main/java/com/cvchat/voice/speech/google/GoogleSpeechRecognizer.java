package com.cvchat.voice.speech.google;

import com.cvchat.voice.speech.AudioFormat;
import com.cvchat.voice.speech.PartialTranscriptListener;
import com.cvchat.voice.speech.RecognitionStream;
import com.cvchat.voice.speech.SpeechRecognizer;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.speech.v1.RecognitionConfig;
import com.google.cloud.speech.v1.SpeechClient;
import com.google.cloud.speech.v1.SpeechSettings;
import com.google.cloud.speech.v1.StreamingRecognitionConfig;
import io.grpc.ManagedChannelBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;

/** Google Cloud Speech-to-Text v1 streaming recognition with interim results, through Google's own client. */
public class GoogleSpeechRecognizer implements SpeechRecognizer, AutoCloseable {

    private final GoogleSpeechProperties properties;
    private final SpeechClient client;
    private final Clock clock;

    public GoogleSpeechRecognizer(GoogleSpeechProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.client = createClient(properties);
    }

    static SpeechClient createClient(GoogleSpeechProperties properties) {
        try {
            SpeechSettings.Builder settings = SpeechSettings.newBuilder().setEndpoint(properties.endpoint());
            if (properties.plaintext()) {
                settings.setCredentialsProvider(NoCredentialsProvider.create())
                        .setTransportChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
                                .setEndpoint(properties.endpoint())
                                .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                                .build());
            }
            return SpeechClient.create(settings.build());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Google Speech client", e);
        }
    }

    @Override
    public String name() {
        return "google";
    }

    @Override
    public Set<String> encodings() {
        return Set.of(AudioFormat.LINEAR16, AudioFormat.WEBM_OPUS);
    }

    @Override
    public boolean acceptsSampleRate(String encoding, int sampleRateHz) {
        return AudioFormat.WEBM_OPUS.equals(encoding)
                ? Set.of(8000, 12000, 16000, 24000, 48000).contains(sampleRateHz)
                : sampleRateHz >= 8000 && sampleRateHz <= 48000;
    }

    @Override
    public RecognitionStream start(AudioFormat format, PartialTranscriptListener partials) {
        return new GoogleRecognitionStream(client, streamingConfig(format), properties.restartAfter(), clock, partials);
    }

    StreamingRecognitionConfig streamingConfig(AudioFormat format) {
        RecognitionConfig.Builder config = RecognitionConfig.newBuilder()
                .setEncoding(RecognitionConfig.AudioEncoding.valueOf(format.encoding()))
                .setSampleRateHertz(format.sampleRateHz())
                .setAudioChannelCount(1)
                .setLanguageCode(properties.languageCode())
                .setEnableAutomaticPunctuation(true);
        if (properties.model() != null && !properties.model().isBlank()) {
            config.setModel(properties.model());
        }
        return StreamingRecognitionConfig.newBuilder()
                .setConfig(config)
                .setInterimResults(true)
                .setSingleUtterance(false)
                .build();
    }

    @Override
    public void close() {
        client.close();
    }
}
