package com.cvchat.platform.test.llm;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * What a prompt's tags ask of {@link ScriptedModel}: {@code [words=N]} (answer length, default 8), {@code [pace=Nms]}
 * (delay between chunks, default 5 ms), {@code [no-key]} (fails with {@code api_key_missing} before any chunk),
 * {@code [fail]} (fails with {@code provider_error} after two chunks), {@code [recut]} (after three words the answer
 * starts again from its beginning, two words a chunk, sequences from 0 — as a second worker that generates a
 * handed-back request again cuts it differently), {@code [stamp]} (each chunk is
 * {@code @<System.nanoTime() at emission>}, for latency benchmarks in the same JVM), {@code [gate=NAME]} (the answer
 * waits until {@link ScriptedModel#openGate(String) openGate(NAME)}, so many answers can start streaming together),
 * {@code [phase=Nms]} (the first chunk leaves N ms later than the pace alone says, so answers can be spread over the
 * pace period rather than emit in lockstep), {@code [id=X]} (the first word is {@code Answer-X}, so each answer of
 * many is told apart).
 */
record Script(List<String> words, long paceMillis, long phaseMillis, String gate, boolean noKey, boolean fail,
              boolean recut, boolean stamp) {

    private static final Pattern WORDS = Pattern.compile("\\[words=(\\d+)]");
    private static final Pattern PACE = Pattern.compile("\\[pace=(\\d+)ms]");
    private static final Pattern PHASE = Pattern.compile("\\[phase=(\\d+)ms]");
    private static final Pattern GATE = Pattern.compile("\\[gate=([\\w-]+)]");
    private static final Pattern ID = Pattern.compile("\\[id=([\\w-]+)]");

    static Script of(String prompt) {
        Matcher gate = GATE.matcher(prompt);
        Matcher id = ID.matcher(prompt);
        return new Script(words(intTag(WORDS, prompt, 8), id.find() ? "Answer-" + id.group(1) : "Answer"), intTag(PACE, prompt, 5), intTag(PHASE, prompt, 0),
                gate.find() ? gate.group(1) : null, prompt.contains("[no-key]"), prompt.contains("[fail]"),
                prompt.contains("[recut]"), prompt.contains("[stamp]"));
    }

    /** The answer's words: "Answer word1 word2 …". */
    private static List<String> words(int count, String first) {
        return IntStream.range(0, count).mapToObj(i -> i == 0 ? first : "word" + i).toList();
    }

    private static int intTag(Pattern pattern, String prompt, int fallback) {
        Matcher matcher = pattern.matcher(prompt);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : fallback;
    }
}
