package com.cvchat.llmworker.provider.offline;

import com.cvchat.rules.title.Topic;
import com.cvchat.rules.title.Words;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The offline model's chat answer, shaped like an assistant's: a short intro, steps (for "how do I …") or bullets in
 * Markdown, a note that it comes from the built-in offline model, and a closing question. Built from the message's
 * {@link Topic} alone, so it is general by design and says so.
 */
final class ChatAnswer {

    private static final Pattern TECH = Pattern.compile("\\b(python|java|javascript|typescript|sql|kotlin|go|rust|c\\+\\+|"
            + "c#|bash|docker|kubernetes|git|api|code|function|error|exception|bug|regex)\\b", Pattern.CASE_INSENSITIVE);
    static final String NOTE = "> *This answer comes from the built-in offline model: it works without an AI service, "
            + "so it gives a general plan rather than expert knowledge. Set a Gemini API key for a full answer.*";

    private ChatAnswer() {
    }

    static String of(String message, int earlierTurns) {
        Topic topic = Topic.of(message);
        String phrase = Words.spokenBack(topic.phrase());
        if (topic.greeting()) {
            return "Hello! I'm the built-in offline assistant. What would you like to talk about? For example, ask "
                    + "me how to prepare for an interview or how to plan a project.\n\n" + NOTE;
        }
        String tech = techWord(message);
        StringBuilder answer = new StringBuilder();
        if (topic.howTo()) {
            answer.append("Here is a plan for ").append(phrase).append(":\n\n")
                    .append("1. **Set the goal.** Write down what a good result looks like for you, in one sentence.\n")
                    .append("2. **Break it into small steps.** List three to five steps you can finish one at a time.\n")
                    .append("3. **Start with the first step today**")
                    .append(tech.isEmpty() ? "" : ", for example a small `" + tech + "` example you can run")
                    .append(", and note what you learn.\n")
                    .append("4. **Check and adjust.** After each step, look at what worked and change the next step "
                            + "if needed.\n\n");
        } else if (topic.question()) {
            answer.append("Here is how I would look into ").append(phrase.isEmpty() ? "your question" : phrase).append(":\n\n")
                    .append("- **Start with a trusted overview**, such as an official guide or a well-known reference")
                    .append(tech.isEmpty() ? "" : " (the `" + tech + "` documentation is a good start)").append(".\n")
                    .append("- **Note the key terms** and look up each one.\n")
                    .append("- **Compare two or three sources** before you rely on a detail, and ask a professional "
                            + "when health, money or the law is involved.\n\n");
        } else {
            answer.append("Thanks for telling me. Here are a few things that often help:\n\n")
                    .append("- **Write down what is on your mind** and what you would like to change.\n")
                    .append("- **Pick one small step** you can take this week.\n")
                    .append("- **Talk to someone you trust**, or to a professional when it affects your health, money "
                            + "or work.\n\n");
        }
        answer.append(NOTE).append("\n\n").append(topic.question() || topic.howTo()
                ? "Which part would you like to go into first?" : "Would you like to tell me more about it?");
        String text = answer.toString();
        return earlierTurns > 0 ? "Picking up from what we discussed, " + Character.toLowerCase(text.charAt(0)) + text.substring(1)
                : text;
    }

    private static String techWord(String message) {
        var m = TECH.matcher(message);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }
}
