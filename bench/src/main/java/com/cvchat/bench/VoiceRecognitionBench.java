package com.cvchat.bench;

import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceProcess;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.voice.SpeechSamples;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Item 6, recognition: the offline provider's two paths side by side — the stack's voice-service (libpocketsphinx in
 * the process, streaming) and a second instance with {@code VOICE_SPEECH_OFFLINE_LIBRARY=none}
 * ({@code pocketsphinx_continuous} processes). Each gets the same flite corpus on its own socket (direct, no gateway),
 * streamed at real time in 100 ms chunks: CPU seconds of the instance (its child processes included) per second of
 * audio, delay from the first voiced chunk to the first partial, gaps between partials, {@code stop_talking} → final,
 * word error rate; then N sessions at once (1, 2, 4 …) until one misses: its final over 1 s after stop, or no partial.
 */
final class VoiceRecognitionBench {

    static final List<String> CORPUS = List.of(
            "Hello.", "Thank you very much.", "What time is it?", "Please help me with my resume.",
            "I live in London with my family.", "My name is Sarah Johnson.", "I am a data scientist.",
            "I would like a new job.", "Can you write a cover letter for me?", "I worked as a teacher for five years.",
            "What is the weather like today?", "I have a degree in computer science from the university.",
            "Please make my resume shorter and easier to read.", "I managed a team of ten people at a large company.",
            "Tell me about the best way to prepare for an interview.",
            "I speak English and French and I am learning Spanish.",
            "My last job was in sales, and before that I worked in a bank for three years.",
            "I live in London with my family and I would like a new job.",
            "Could you tell me what skills an employer looks for in a project manager?",
            "My name is Sarah Johnson and I am a data scientist. I live in London with my family. "
                    + "I would like help writing my resume.",
            "Good morning.", "I like my work, but I want to earn more money next year.");
    private static final long SUSTAINED_FINAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int[] CONCURRENCY = {1, 2, 4, 8, 16};
    /** The sentence of the sessions at once (3.4 s). */
    private static final String AT_ONCE = "I live in London with my family and I would like a new job.";

    private VoiceRecognitionBench() {
    }

    /** Adds the rows of both paths to {@code table}; {@code quick} runs 6 sentences and at most 4 sessions at once. */
    static void report(ResultTable table, LocalStack stack, String bearer, boolean quick) {
        String token = bearer.substring("Bearer ".length());
        List<String> corpus = quick ? CORPUS.subList(0, 6) : CORPUS;
        List<byte[]> pcm = corpus.stream().map(SpeechSamples::pcm).toList();
        int maxLevel = quick ? 4 : CONCURRENCY[CONCURRENCY.length - 1];
        add(table, "library", measure(stack.instance(ServiceSpec.VOICE), token, corpus, pcm, maxLevel));
        ServiceProcess processes = stack.startInstance(ServiceSpec.VOICE, "voice-service-processes",
                Map.of("VOICE_SPEECH_OFFLINE_LIBRARY", "none"));
        try {
            add(table, "processes", measure(processes, token, corpus, pcm, maxLevel));
        } finally {
            stack.kill(processes);
        }
    }

    record Figures(double cpuPerAudioSecond, Percentiles firstPartial, Percentiles partialGaps,
                   Percentiles finalDelay, double wordErrorRate, int words, int sustained, int failed) {
    }

    private static void add(ResultTable t, String path, Figures f) {
        String p = "6 recognition, " + path + ": ";
        t.add(p + "CPU s per s of audio (voice-service + its child processes)", String.format("%.3f",
                f.cpuPerAudioSecond()));
        t.add(p + "first voiced chunk sent → first partial p50/p99 (" + f.firstPartial().count() + " of "
                + (f.finalDelay().count() + f.failed()) + " utterances had one)", f.firstPartial().p50p99(), "≤ 1000 ms",
                f.firstPartial().p99() <= 1000);
        t.add(p + "gap between partials while talking p50/p99 (max)", f.partialGaps().p50p99()
                + String.format(" (%.0f ms)", f.partialGaps().max()), "≤ 1000 ms", f.partialGaps().p99() <= 1000);
        t.add(p + "stop_talking → final_transcript p50/p99 (" + f.finalDelay().count() + " utterances, "
                + f.failed() + " failed)", f.finalDelay().p50p99(), "≤ 300 ms", f.finalDelay().p99() <= 300);
        t.add(p + "word error rate (" + f.words() + " words)", String.format("%.1f %%", 100 * f.wordErrorRate()));
        int cores = Runtime.getRuntime().availableProcessors();
        t.add(p + "sessions at once at real time, all finals ≤ 1 s after stop (on " + cores + " cores)",
                String.format("%d (%.1f per core)", f.sustained(), f.sustained() / (double) cores));
    }

    private static Figures measure(ServiceProcess voice, String token, List<String> corpus, List<byte[]> pcm,
                                   int maxLevel) {
        String url = voice.url().replaceFirst("^http", "ws") + "/api/v1/chats/ws/voice/bench-recognition?token="
                + token;
        HttpClient http = HttpClient.newHttpClient();
        utterance(http, url, pcm.getFirst()); // warm-up
        List<Double> first = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        List<Double> finals = new ArrayList<>();
        int errors = 0;
        int words = 0;
        int failed = 0;
        double audioSeconds = 0;
        double cpuBefore = ProcessStats.cpuSecondsWithChildren(voice.pid());
        for (int i = 0; i < corpus.size(); i++) {
            Utterance u = utterance(http, url, pcm.get(i));
            audioSeconds += pcm.get(i).length / 32_000.0;
            words += SpeechSamples.wordErrors(corpus.get(i), "");
            if (u.finalText() == null) {
                failed++;
                errors += SpeechSamples.wordErrors(corpus.get(i), "");
                continue;
            }
            errors += SpeechSamples.wordErrors(corpus.get(i), u.finalText());
            finals.add(u.finalMs());
            if (!Double.isNaN(u.firstPartialMs())) {
                first.add(u.firstPartialMs());
            }
            gaps.addAll(u.gapsMs());
        }
        double cpu = (ProcessStats.cpuSecondsWithChildren(voice.pid()) - cpuBefore) / audioSeconds;
        return new Figures(cpu, Percentiles.of(first), Percentiles.of(gaps), Percentiles.of(finals),
                errors / (double) Math.max(words, 1), words, sustained(http, url, maxLevel), failed);
    }

    /** The largest number of sessions at once (of 1, 2, 4 …) whose finals all came ≤ 1 s after stop, with partials. */
    private static int sustained(HttpClient http, String url, int maxLevel) {
        byte[] sentence = SpeechSamples.pcm(AT_ONCE);
        int best = 0;
        for (int level : CONCURRENCY) {
            if (level > maxLevel) {
                break;
            }
            List<Utterance> results;
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<CompletableFuture<Utterance>> sessions = new ArrayList<>();
                for (int i = 0; i < level; i++) {
                    sessions.add(CompletableFuture.supplyAsync(() -> utterance(http, url, sentence), threads));
                }
                results = sessions.stream().map(CompletableFuture::join).toList();
            }
            if (!results.stream().allMatch(u -> u.finalText() != null && u.finalMs() * 1e6 <= SUSTAINED_FINAL_NANOS
                    && !Double.isNaN(u.firstPartialMs()))) {
                break;
            }
            best = level;
        }
        return best;
    }

    record Utterance(String finalText, double finalMs, double firstPartialMs, List<Double> gapsMs) {
    }

    /** One sentence on a new socket at real time; final text null when none came within 30 s. */
    static Utterance utterance(HttpClient http, String url, byte[] pcm) {
        try (TimedVoiceSocket socket = new TimedVoiceSocket(http, url)) {
            await(() -> socket.first("status", 0) != null);
            socket.send("start_talking");
            List<byte[]> chunks = SpeechSamples.chunks100ms(pcm);
            long begin = System.nanoTime();
            long voiced = -1;
            for (int i = 0; i < chunks.size(); i++) {
                LockSupport.parkNanos(begin + i * 100_000_000L - System.nanoTime());
                long sent = System.nanoTime();
                socket.audio(chunks.get(i));
                if (voiced < 0 && voiced(chunks.get(i))) {
                    voiced = sent;
                }
            }
            LockSupport.parkNanos(begin + chunks.size() * 100_000_000L - System.nanoTime());
            long stop = System.nanoTime();
            socket.send("stop_talking");
            boolean done = await(() -> socket.first("final_transcript", stop) != null);
            List<Long> partials = socket.received().stream().filter(m -> m.type().equals("partial_transcript"))
                    .map(TimedVoiceSocket.Message::nanos).filter(t -> t <= stop).toList();
            List<Double> gaps = new ArrayList<>();
            for (int i = 1; i < partials.size(); i++) {
                gaps.add((partials.get(i) - partials.get(i - 1)) / 1e6);
            }
            double firstPartial = partials.isEmpty() || voiced < 0 ? Double.NaN : (partials.getFirst() - voiced) / 1e6;
            if (!done) {
                return new Utterance(null, Double.NaN, firstPartial, gaps);
            }
            TimedVoiceSocket.Message last = socket.first("final_transcript", stop);
            return new Utterance(last.text(), (last.nanos() - stop) / 1e6, firstPartial, gaps);
        }
    }

    private static boolean await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(500_000);
        }
        return false;
    }

    /** As voice-service's "Speech detected": a 20 ms window of the chunk above an RMS level of 500. */
    private static boolean voiced(byte[] pcm) {
        for (int window = 0; window + 640 <= pcm.length; window += 640) {
            double sum = 0;
            for (int i = window; i < window + 640; i += 2) {
                int sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
                sum += (double) sample * sample;
            }
            if (Math.sqrt(sum / 320) > 500) {
                return true;
            }
        }
        return false;
    }
}
