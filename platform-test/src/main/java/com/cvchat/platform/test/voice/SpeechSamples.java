package com.cvchat.platform.test.voice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real speech for tests: {@code flite} (voice {@code slt}) speaks a text, {@code sox} converts it to 16 kHz mono
 * 16-bit PCM (LINEAR16), the audio a browser or phone client streams.
 */
public final class SpeechSamples {

    public static final String SARAH = "My name is Sarah Johnson and I am a data scientist. I live in London with my "
            + "family. I would like help writing my resume.";

    private SpeechSamples() {
    }

    /** LINEAR16 16 kHz mono PCM of {@code text} spoken by flite. Skips the test when flite or sox is missing. */
    public static byte[] pcm(String text) {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/flite")) && Files.isExecutable(Path.of("/usr/bin/sox")),
                "flite and sox are needed (apt-get install flite sox)");
        try {
            Path dir = Files.createTempDirectory("voice-sample");
            Path wav = dir.resolve("speech.wav");
            Path raw = dir.resolve("speech.raw");
            run("flite", "-voice", "slt", "-t", text, "-o", wav.toString());
            run("sox", wav.toString(), "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-L",
                    "-t", "raw", raw.toString());
            byte[] pcm = Files.readAllBytes(raw);
            Files.delete(wav);
            Files.delete(raw);
            Files.delete(dir);
            return pcm;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 100 ms chunks (3200 bytes of 16 kHz 16-bit mono). */
    public static List<byte[]> chunks100ms(byte[] pcm) {
        List<byte[]> chunks = new ArrayList<>();
        for (int offset = 0; offset < pcm.length; offset += 3200) {
            chunks.add(Arrays.copyOfRange(pcm, offset, Math.min(pcm.length, offset + 3200)));
        }
        return chunks;
    }

    /** Words that differ between the two texts (word-level edit distance, case and punctuation ignored). */
    public static int wordErrors(String expected, String actual) {
        String[] a = words(expected);
        String[] b = words(actual);
        int[][] d = new int[a.length + 1][b.length + 1];
        for (int i = 0; i <= a.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (a[i - 1].equals(b[j - 1]) ? 0 : 1));
            }
        }
        return d[a.length][b.length];
    }

    private static String[] words(String text) {
        String clean = text.toLowerCase().replaceAll("[^a-z' ]", " ").strip();
        return clean.isEmpty() ? new String[0] : clean.split("\\s+");
    }

    private static void run(String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
