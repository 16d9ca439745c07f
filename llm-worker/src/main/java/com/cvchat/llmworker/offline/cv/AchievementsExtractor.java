package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.node.ObjectNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Projects ("a project called Churn Radar that cut churn by 12% using Python and XGBoost", "Key project: …") and
 * awards ("I won the Best Paper Award at KDD 2021", "awards: …").
 */
final class AchievementsExtractor {

    private static final Pattern PROJECT = Patterns.compile("\\b(?:project (?:called|named)|key project:?|project:|"
            + "my (?:main |key )?project (?:is|was))\\s+(?:\"([^\"]+)\"|“([^”]+)”|([A-Z][\\w-]*(?:\\s+[A-Z0-9][\\w-]*)*))"
            + "[,:]?\\s*(?:(?:which|that|where|-|–|—|:)\\s*)?(.*?)\\s*(?:[.!?](?:\\s|$)|$)");
    /** A tool's name, of one or more capitalised words or versions: "Python", "AutoCAD Civil 3D". */
    private static final String TOOL = "[A-Z][\\w+#.-]*(?-i:\\s+[A-Z0-9][\\w+#.-]*)*";
    private static final Pattern USING = Patterns.compile("\\b(?:using|built with|with|in)\\s+(" + TOOL + "(?:(?:,\\s*|\\s+and\\s+)" + TOOL + ")*)");
    private static final Pattern AWARD = Patterns.compile("\\b(?:I (?:won|received|was awarded|earned|got)|"
            + "I was (?:named|recognized as|recognised as)|awarded)\\s+(?:the\\s+|a\\s+|an\\s+)?(.+?)\\s*(?:[.!?](?:\\s|$)|$)");
    private static final Pattern AWARD_LIST = Patterns.compile("\\b(?:awards?|recognitions?|honou?rs)(?: include| are)?:\\s+(.+?)\\s*(?:[.!?](?:\\s|$)|$)");
    private static final Pattern AWARD_WORD = Patterns.compile("\\b(?:award|prize|medal|honou?r|scholarship|fellowship|recognition|"
            + "employee of the|winner|trophy|grant)\\b");

    void extract(String message, ObjectNode patch) {
        Matcher project = PROJECT.matcher(message);
        while (project.find()) {
            String name = first(project.group(1), project.group(2), project.group(3));
            ObjectNode item = patch.withArray("key_projects_achievements").addObject().put("name", Text.clean(name));
            String description = Text.bullet(project.group(4));
            item.put("description", description);
            Matcher using = USING.matcher(project.group(4));
            if (using.find()) {
                Text.list(using.group(1)).forEach(item.withArray("key_areas_used")::add);
            }
        }
        Matcher award = AWARD.matcher(message);
        while (award.find()) {
            if (AWARD_WORD.matcher(award.group(1)).find()) {
                patch.withArray("awards_and_recognitions").add(capitalize(award.group(1)));
            }
        }
        Matcher list = AWARD_LIST.matcher(message);
        while (list.find()) {
            String[] items = list.group(1).split("\\s*;\\s*|,\\s*(?=[A-Z])");
            for (String item : items) {
                if (!Text.clean(item).isEmpty()) {
                    patch.withArray("awards_and_recognitions").add(capitalize(item));
                }
            }
        }
    }

    private static String capitalize(String text) {
        String value = Text.clean(text);
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return "";
    }
}
