package com.cvchat.voice.speech.google;

import com.cvchat.voice.speech.PartialTranscriptListener;
import com.cvchat.voice.speech.RecognitionStream;
import com.cvchat.voice.speech.SpeechRecognitionException;
import com.google.api.gax.rpc.ClientStream;
import com.google.api.gax.rpc.ResponseObserver;
import com.google.api.gax.rpc.StreamController;
import com.google.cloud.speech.v1.SpeechClient;
import com.google.cloud.speech.v1.StreamingRecognitionConfig;
import com.google.cloud.speech.v1.StreamingRecognitionResult;
import com.google.cloud.speech.v1.StreamingRecognizeRequest;
import com.google.cloud.speech.v1.StreamingRecognizeResponse;
import com.google.protobuf.ByteString;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One utterance on Google StreamingRecognize. A gRPC stream may last at most about five minutes, so after
 * {@code restartAfter} the current stream is half-closed (its last final results still arrive) and the audio
 * continues on a new one; the transcript is the final results of every stream in order.
 */
class GoogleRecognitionStream implements RecognitionStream {

    private final SpeechClient client;
    private final StreamingRecognitionConfig config;
    private final Duration restartAfter;
    private final Clock clock;
    private final PartialTranscriptListener partials;
    private final List<Segment> segments = new ArrayList<>();
    private Segment current;
    private boolean closed;

    GoogleRecognitionStream(SpeechClient client, StreamingRecognitionConfig config, Duration restartAfter, Clock clock,
                            PartialTranscriptListener partials) {
        this.client = client;
        this.config = config;
        this.restartAfter = restartAfter;
        this.clock = clock;
        this.partials = partials;
    }

    @Override
    public synchronized void write(byte[] audio) {
        if (closed) {
            return;
        }
        if (current != null && !clock.instant().isBefore(current.startedAt.plus(restartAfter))) {
            current.stream.closeSend();
            current = null;
        }
        if (current == null) {
            current = open();
        }
        current.stream.send(StreamingRecognizeRequest.newBuilder().setAudioContent(ByteString.copyFrom(audio)).build());
    }

    private Segment open() {
        Segment segment = new Segment(clock.instant());
        segments.add(segment);
        segment.stream = client.streamingRecognizeCallable().splitCall(segment);
        segment.stream.send(StreamingRecognizeRequest.newBuilder().setStreamingConfig(config).build());
        return segment;
    }

    @Override
    public synchronized CompletableFuture<String> finish() {
        closed = true;
        if (current != null) {
            current.stream.closeSend();
        }
        List<Segment> all = List.copyOf(segments);
        return CompletableFuture.allOf(all.stream().map(s -> s.done).toArray(CompletableFuture[]::new))
                .thenApply(ignored -> all.stream().map(Segment::finalText).filter(t -> !t.isEmpty())
                        .collect(Collectors.joining(" ")));
    }

    @Override
    public synchronized void abort() {
        closed = true;
        for (Segment segment : segments) {
            if (segment.controller != null) {
                segment.controller.cancel();
            }
        }
    }

    private synchronized void interim(Segment segment, String interim) {
        if (closed) {
            return;
        }
        String finals = segments.stream().map(Segment::finalText).filter(t -> !t.isEmpty())
                .collect(Collectors.joining(" "));
        String text = (finals + " " + interim).strip();
        if (!text.isEmpty()) {
            partials.onPartial(text);
        }
    }

    /** One gRPC stream of the utterance and what it recognised. */
    private final class Segment implements ResponseObserver<StreamingRecognizeResponse> {
        final Instant startedAt;
        final StringBuilder finals = new StringBuilder();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        ClientStream<StreamingRecognizeRequest> stream;
        StreamController controller;

        Segment(Instant startedAt) {
            this.startedAt = startedAt;
        }

        synchronized String finalText() {
            return finals.toString().strip();
        }

        @Override
        public void onStart(StreamController controller) {
            this.controller = controller;
        }

        @Override
        public void onResponse(StreamingRecognizeResponse response) {
            StringBuilder interim = new StringBuilder();
            for (StreamingRecognitionResult result : response.getResultsList()) {
                if (result.getAlternativesCount() == 0) {
                    continue;
                }
                String text = result.getAlternatives(0).getTranscript().strip();
                if (result.getIsFinal()) {
                    synchronized (this) {
                        finals.append(finals.isEmpty() ? "" : " ").append(text);
                    }
                } else {
                    interim.append(interim.isEmpty() ? "" : " ").append(text);
                }
            }
            interim(this, interim.toString());
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(new SpeechRecognitionException("Google speech recognition failed", t));
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
