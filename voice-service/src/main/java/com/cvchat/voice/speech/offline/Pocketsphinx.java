package com.cvchat.voice.speech.offline;

import com.cvchat.voice.speech.SpeechRecognitionException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs {@code pocketsphinx_continuous} on 16 kHz mono 16-bit PCM and returns the recognised words. */
class Pocketsphinx {

    static final int SAMPLE_RATE = 16_000;

    private final OfflineSpeechProperties properties;

    Pocketsphinx(OfflineSpeechProperties properties) {
        this.properties = properties;
    }

    /** Recognises a whole recording ({@code started} receives the process, so that it can be stopped early). */
    String recognize(byte[] pcm, Consumer<Process> started) {
        Path wav = null;
        try {
            wav = Files.createTempFile("voice-utterance", ".wav");
            Files.write(wav, wav(pcm));
            Process process = start(wav.toString());
            started.accept(process);
            return result(process);
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
    Process startLive() {
        try {
            return start("/dev/stdin");
        } catch (IOException e) {
            throw new SpeechRecognitionException("Offline speech recognition is not available", e);
        }
    }

    private Process start(String input) throws IOException {
        return new ProcessBuilder(List.of(properties.command(), "-infile", input, "-logfn", "/dev/null"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Waits for {@code process} and returns its words. */
    String result(Process process) {
        try {
            String out;
            try (InputStream stdout = process.getInputStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SpeechRecognitionException("Speech recognition took too long");
            }
            if (process.exitValue() != 0) {
                throw new SpeechRecognitionException("Speech recognition failed (exit " + process.exitValue() + ")");
            }
            return String.join(" ", out.strip().split("\\s+")).strip();
        } catch (IOException e) {
            throw new SpeechRecognitionException("Speech recognition failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
