package com.cvchat.voice.support;

import com.google.cloud.speech.v1.SpeechRecognitionAlternative;
import com.google.cloud.speech.v1.StreamingRecognitionConfig;
import com.google.cloud.speech.v1.StreamingRecognitionResult;
import com.google.cloud.speech.v1.StreamingRecognizeRequest;
import com.google.cloud.speech.v1.StreamingRecognizeResponse;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local gRPC server speaking {@code google.cloud.speech.v1.Speech/StreamingRecognize} with the protobuf messages of
 * Google's own artifacts. Like the real service it wants the {@code streaming_config} first and audio after it.
 * It "hears" each audio request as one word (the bytes read as UTF-8 text, see {@link #words}): after each audio
 * request it sends an interim result with the words of the call so far, and when the client half-closes it sends the
 * final result and ends the call.
 */
public final class FakeGoogleSpeech implements AutoCloseable {

    static final MethodDescriptor<StreamingRecognizeRequest, StreamingRecognizeResponse> STREAMING_RECOGNIZE =
            MethodDescriptor.<StreamingRecognizeRequest, StreamingRecognizeResponse>newBuilder()
                    .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
                    .setFullMethodName("google.cloud.speech.v1.Speech/StreamingRecognize")
                    .setRequestMarshaller(ProtoUtils.marshaller(StreamingRecognizeRequest.getDefaultInstance()))
                    .setResponseMarshaller(ProtoUtils.marshaller(StreamingRecognizeResponse.getDefaultInstance()))
                    .build();

    /** What one call received. */
    public record Call(StreamingRecognitionConfig config, List<byte[]> audio) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Server server;

    public FakeGoogleSpeech() {
        ServerServiceDefinition service = ServerServiceDefinition.builder("google.cloud.speech.v1.Speech")
                .addMethod(STREAMING_RECOGNIZE, ServerCalls.asyncBidiStreamingCall(this::streamingRecognize))
                .build();
        try {
            server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(service).build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String endpoint() {
        return "localhost:" + server.getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private StreamObserver<StreamingRecognizeRequest> streamingRecognize(StreamObserver<StreamingRecognizeResponse> out) {
        return new StreamObserver<>() {
            Call call;
            final List<String> heard = new ArrayList<>();

            @Override
            public void onNext(StreamingRecognizeRequest request) {
                if (call == null) {
                    if (!request.hasStreamingConfig()) {
                        out.onError(Status.INVALID_ARGUMENT.withDescription(
                                "Malordered Data Received. Expected audio but none was set. Send exactly one config, "
                                        + "followed by audio data.").asRuntimeException());
                        return;
                    }
                    call = new Call(request.getStreamingConfig(), new CopyOnWriteArrayList<>());
                    calls.add(call);
                    return;
                }
                if (request.hasStreamingConfig()) {
                    out.onError(Status.INVALID_ARGUMENT.withDescription("Config sent twice").asRuntimeException());
                    return;
                }
                call.audio().add(request.getAudioContent().toByteArray());
                heard.add(request.getAudioContent().toStringUtf8());
                if (call.config().getInterimResults()) {
                    out.onNext(response(String.join(" ", heard), false));
                }
            }

            @Override
            public void onError(Throwable t) {
                // the client cancelled
            }

            @Override
            public void onCompleted() {
                out.onNext(response(String.join(" ", heard), true));
                out.onCompleted();
            }
        };
    }

    static StreamingRecognizeResponse response(String transcript, boolean isFinal) {
        return StreamingRecognizeResponse.newBuilder()
                .addResults(StreamingRecognitionResult.newBuilder()
                        .addAlternatives(SpeechRecognitionAlternative.newBuilder().setTranscript(transcript)
                                .setConfidence(isFinal ? 0.93f : 0f))
                        .setIsFinal(isFinal)
                        .setStability(isFinal ? 0f : 0.8f))
                .build();
    }

    /** "Audio" this fake hears as {@code text}: one request per word. */
    public static List<byte[]> words(String text) {
        return Arrays.stream(text.split(" ")).map(word -> word.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
