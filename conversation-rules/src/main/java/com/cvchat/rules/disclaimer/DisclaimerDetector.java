package com.cvchat.rules.disclaimer;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deterministic detection of sensitive topics (pregnancy, mental_health, medical, legal, financial) in a user's
 * message and the AI's answer, shared by chat-service and voice-service. Pure Java: no model, no network.
 *
 * <p>Each category is a list of whole-word terms ({@link DisclaimerCategory}). A category is detected when one of its
 * terms occurs in the user message or the answer. The primary category is the one mentioned most often, words in the
 * user's message counting twice (they say what the exchange is about); ties go to the earlier category of
 * {@link DisclaimerCategory}. {@code detected_categories} lists every detected category, primary first.
 */
public final class DisclaimerDetector {

    private static final int USER_WEIGHT = 2;

    private DisclaimerDetector() {
    }

    /** The disclaimer for this exchange, or empty when no sensitive topic is detected. */
    public static Optional<Disclaimer> detect(String userMessage, String aiText) {
        String user = userMessage == null ? "" : userMessage;
        String ai = aiText == null ? "" : aiText;
        Map<DisclaimerCategory, Integer> scores = new EnumMap<>(DisclaimerCategory.class);
        for (DisclaimerCategory category : DisclaimerCategory.values()) {
            int score = USER_WEIGHT * category.occurrencesIn(user) + category.occurrencesIn(ai);
            if (score > 0) {
                scores.put(category, score);
            }
        }
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        List<DisclaimerCategory> ranked = scores.keySet().stream()
                .sorted(Comparator.<DisclaimerCategory>comparingInt(scores::get).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        DisclaimerCategory primary = ranked.getFirst();
        return Optional.of(new Disclaimer(primary.wireName(),
                ranked.stream().map(DisclaimerCategory::wireName).toList(), primary.disclaimerText()));
    }
}
