package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The offline CV turn: every extractor over the message, then the reply. */
final class CvTurn {

    private static final Pattern SUMMARY = Patterns.cased("(?is)\\b(?:my (?:professional )?summary(?: is)?:?|(?:here is|here's) my summary:?|"
            + "summary:|about me:|profile:|(?:in summary|in short|in brief|in a nutshell|to sum up|to summari[sz]e|briefly)[,:])"
            + "\\s+(.+)$");
    private static final int MIN_SUMMARY_WORDS = 6;

    private final PersonalInfoExtractor personal = new PersonalInfoExtractor();
    private final ExperienceExtractor experience = new ExperienceExtractor();
    private final EducationExtractor education = new EducationExtractor();
    private final SkillsExtractor skills = new SkillsExtractor();
    private final AchievementsExtractor achievements = new AchievementsExtractor();

    ObjectNode answer(String message, JsonNode data) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        personal.extract(message, info);
        if (!info.isEmpty()) {
            patch.set("personal_info", info);
        }
        experience.extract(message, data, patch);
        education.extract(message, patch);
        skills.extract(message, patch);
        achievements.extract(message, patch);
        summary(message, data, patch);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("patch", patch);
        answer.put("message", CvQuestions.reply(new Facts(data, patch)));
        return answer;
    }

    /** An explicit summary, or a free-text answer to the summary question. */
    private static void summary(String message, JsonNode data, ObjectNode patch) {
        Matcher explicit = SUMMARY.matcher(message);
        if (explicit.find()) {
            patch.put("summary", sentence(explicit.group(1)));
        } else if (patch.isEmpty() && CvQuestions.SUMMARY.equals(CvQuestions.nextTopic(new Facts(data, patch)))
                && message.trim().split("\\s+").length >= MIN_SUMMARY_WORDS) {
            patch.put("summary", sentence(message));
        }
    }

    private static String sentence(String text) {
        String value = text.trim().replaceAll("\\s+", " ");
        value = Character.toUpperCase(value.charAt(0)) + value.substring(1);
        return value.matches(".*[.!?]$") ? value : value + ".";
    }
}
