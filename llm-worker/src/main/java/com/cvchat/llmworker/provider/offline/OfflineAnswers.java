package com.cvchat.llmworker.provider.offline;

import com.cvchat.events.llm.LlmRequest;
import com.cvchat.llmworker.provider.Titles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Deterministic answers built from the request alone: the same request always gets the same words. */
final class OfflineAnswers {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "i", "me", "my", "you", "your", "is", "are",
            "am", "to", "of", "and", "or", "in", "on", "for", "with", "about", "what", "how", "can", "could", "do",
            "does", "please", "it", "this", "that", "be", "should", "would", "tell", "hi", "hello", "hey", "we", "our");

    /** Words a title should not end on. */
    private static final Set<String> TRAILING = Set.of("a", "an", "the", "for", "to", "of", "and", "or", "in", "on",
            "with", "at", "my", "your", "is", "are", "about");

    private OfflineAnswers() {
    }

    static String chatReply(LlmRequest request) {
        String prompt = request.prompt() == null ? "" : request.prompt().strip();
        if (prompt.isEmpty()) {
            return "I did not receive a question. What would you like to talk about?";
        }
        String topic = topic(prompt);
        StringBuilder answer = new StringBuilder();
        answer.append(prompt.endsWith("?") ? "Good question about " : "Thanks for your message about ")
                .append(topic).append(". ");
        if (!request.history().isEmpty()) {
            answer.append("Building on our conversation so far (").append(request.history().size())
                    .append(" earlier messages), ");
        }
        answer.append("here is how I would approach ").append(topic).append(": start with what matters most to you, ")
                .append("break it into small steps, and check each step before moving on. ")
                .append("Tell me more and I can go into detail.");
        return answer.toString();
    }

    static String title(LlmRequest request) {
        String prompt = request.prompt() == null ? "" : request.prompt().strip();
        List<String> first = new ArrayList<>(Arrays.stream(prompt.split("\\s+"))
                .map(word -> word.replaceAll("[^\\p{L}\\p{N}'-]", ""))
                .filter(word -> !word.isEmpty())
                .limit(6)
                .toList());
        while (first.size() > 1 && TRAILING.contains(first.getLast().toLowerCase(Locale.ROOT))) {
            first.removeLast();
        }
        String words = String.join(" ", first);
        if (words.isEmpty()) {
            return "New conversation";
        }
        return Titles.clean(Character.toUpperCase(words.charAt(0)) + words.substring(1));
    }

    /** The key words of the prompt (stop words dropped), at most five, or the start of the prompt. */
    static String topic(String prompt) {
        String keywords = Arrays.stream(prompt.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'-]+"))
                .filter(word -> !word.isEmpty() && !STOP_WORDS.contains(word))
                .limit(5)
                .collect(Collectors.joining(" "));
        return keywords.isEmpty() ? "that" : "\"" + keywords + "\"";
    }
}
