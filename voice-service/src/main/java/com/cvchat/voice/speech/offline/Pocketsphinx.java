package com.cvchat.voice.speech.offline;

import com.cvchat.voice.speech.SpeechRecognitionException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs {@code pocketsphinx_continuous} on 16 kHz mono 16-bit PCM and returns the recognised words. */
class Pocketsphinx {

    static final int SAMPLE_RATE = 16_000;
    /** The output is complete soon after the process ends (unless a child of it still holds the pipe). */
    private static final Duration OUTPUT_AFTER_EXIT = Duration.ofSeconds(5);

    private final OfflineSpeechProperties properties;

    Pocketsphinx(OfflineSpeechProperties properties) {
        this.properties = properties;
    }

    /** A started recognition: the process, and its standard output read while it runs. */
    record Run(Process process, CompletableFuture<String> output) {
    }

    /** Recognises a whole recording ({@code started} receives the process, so that it can be stopped early). */
    String recognize(byte[] pcm, Consumer<Process> started) {
        Path wav = null;
        try {
            wav = Files.createTempFile("voice-utterance", ".wav");
            Files.write(wav, wav(pcm));
            Run run = launch(wav.toString());
            started.accept(run.process());
            return result(run);
        } catch (IOException e) {
            throw new SpeechRecognitionException("Offline speech recognition is not available", e);
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /**
     * A recognition fed while the audio arrives: raw PCM goes to the process's standard input, which it decodes as it
     * reads, so that after the end of the input only the final pass remains.
     */
    Run startLive() {
        try {
            return launch("/dev/stdin");
        } catch (IOException e) {
            throw new SpeechRecognitionException("Offline speech recognition is not available", e);
        }
    }

    private Run launch(String input) throws IOException {
        Process process = new ProcessBuilder(List.of(properties.command(), "-infile", input, "-logfn", "/dev/null"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread.ofVirtual().name("pocketsphinx-output").start(() -> {
            try (InputStream stdout = process.getInputStream()) {
                output.complete(new String(stdout.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.completeExceptionally(e);
            }
        });
        return new Run(process, output);
    }

    /**
     * Waits at most {@code timeout} for the process to end (its input must be complete), then returns its words. A
     * process still running then is killed.
     */
    String result(Run run) {
        Process process = run.process();
        try {
            if (!process.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SpeechRecognitionException("Speech recognition took too long");
            }
            if (process.exitValue() != 0) {
                throw new SpeechRecognitionException("Speech recognition failed (exit " + process.exitValue() + ")");
            }
            String out = run.output().get(OUTPUT_AFTER_EXIT.toMillis(), TimeUnit.MILLISECONDS);
            return String.join(" ", out.strip().split("\\s+")).strip();
        } catch (ExecutionException | TimeoutException e) {
            throw new SpeechRecognitionException("Speech recognition failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new SpeechRecognitionException("Speech recognition was interrupted", e);
        }
    }

    /** A canonical 44-byte RIFF/WAVE header in front of the PCM. */
    static byte[] wav(byte[] pcm) {
        ByteBuffer buffer = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length)
                .put(pcm);
        return buffer.array();
    }
}
