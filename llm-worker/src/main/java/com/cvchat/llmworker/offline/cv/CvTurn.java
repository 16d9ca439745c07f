package com.cvchat.llmworker.offline.cv;

import com.cvchat.rules.cv.Removal;
import com.cvchat.rules.cv.Removals;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The offline CV turn: every extractor over the message, then the reply. */
final class CvTurn {

    private static final Pattern SUMMARY = Patterns.cased("(?is)\\b(?:my (?:professional )?summary(?: is)?:?|(?:here is|here's) my summary:?|"
            + "(?:a )?(?:short |brief )?summary(?: of me| about me)?:|about me:|profile:|(?:in summary|in short|in brief|in a nutshell|to sum up|to summari[sz]e|briefly)[,:])"
            + "\\s+(.+)$");
    private static final int MIN_SUMMARY_WORDS = 6;

    private final PersonalInfoExtractor personal = new PersonalInfoExtractor();
    private final ExperienceExtractor experience = new ExperienceExtractor();
    private final EducationExtractor education = new EducationExtractor();
    private final SkillsExtractor skills = new SkillsExtractor();
    private final AchievementsExtractor achievements = new AchievementsExtractor();

    ObjectNode answer(String message, JsonNode data) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        personal.addTo(message, patch);
        experience.extract(message, data, patch);
        education.extract(message, patch);
        skills.extract(message, patch);
        achievements.extract(message, patch);
        summary(message, data, patch);
        currentTitle(data, patch);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("patch", patch);
        Optional<Removal> removal = patch.isEmpty() ? RemoveRequest.asked(message, data) : Optional.empty();
        removal.ifPresent(entry -> answer.putArray(Removal.FIELD).add(entry.toJson()));
        Optional<String> unmatched = patch.isEmpty() && removal.isEmpty() ? RemoveRequest.wanted(message) : Optional.empty();
        answer.put("message", removal.map(entry -> RemoveRequest.reply(entry)
                        + CvQuestions.question(new Facts(Removals.apply(data, List.of(entry)), patch)))
                .or(() -> unmatched.map(wanted -> RemoveRequest.notFound(wanted) + CvQuestions.question(new Facts(data, patch))))
                .orElseGet(() -> CvQuestions.reply(new Facts(data, patch))));
        return answer;
    }

    /**
     * The title of the job held now becomes the CV's title when there is none yet, or when it only adds to it
     * ("Geologist" → "Senior Geologist"); a title the user gave is never replaced by a different one.
     */
    private static void currentTitle(JsonNode data, ObjectNode patch) {
        Facts facts = new Facts(data, patch);
        if (facts.added("/personal_info/title")) {
            return;
        }
        String known = facts.text("/personal_info/title").toLowerCase(java.util.Locale.ROOT);
        for (JsonNode job : patch.path("experience")) {
            String title = job.path("title").asString("");
            boolean current = "Present".equals(job.path("end_date").asString(""));
            if (current && !title.isEmpty() && (known.isEmpty()
                    || (title.length() > known.length() && title.toLowerCase(java.util.Locale.ROOT).endsWith(" " + known)))) {
                patch.withObject("personal_info").put("title", title);
                return;
            }
        }
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
