package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jobs ("I worked as a Data Analyst at Acme Corp in New York from June 2016 to December 2019", "I'm a Senior Data
 * Scientist at DataTech since January 2020") and their achievement bullets ("I led a team of 5 …", "- Built …").
 * Bullets without a job in the same message go to the job the user talked about last.
 */
final class ExperienceExtractor {

    private static final String TITLE = "((?:[A-Za-z][\\w/&+#.-]*\\s+){0,4}?[A-Za-z][\\w/&+#.-]*)";
    private static final Pattern TITLE_AT = Pattern.compile("(?:\\b(?:a|an|the|as)\\s+|^)" + TITLE
            + "\\s+at\\s+(" + Patterns.PROPER + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern AT_AS = Patterns.compile("\\b(?:at|for)\\s+(" + Patterns.PROPER + ")\\s+as\\s+(?:a\\s+|an\\s+|the\\s+)?"
            + TITLE + "(?=\\s+(?:from|since|in|between|for|until|where|and)\\b|[,;.!?]|$)");
    private static final Pattern RANGE = Patterns.compile("(?:from\\s+|between\\s+)?(" + Dates.DATE + ")\\s*(?:-|–|—|to|until|till|through|and)\\s*("
            + Dates.DATE + ")");
    private static final Pattern SINCE = Patterns.compile("\\b(?:since|starting(?: in)?|started(?: in)?|from)\\s+(" + Dates.DATE + ")");
    private static final Pattern PRESENT = Patterns.compile("\\b(?:currently|now|I(?:'m|’m| am)\\s+(?:a|an|working)|I work|present)\\b");
    private static final Pattern JOB_PLACE = Pattern.compile("^\\s+in\\s+(" + Patterns.PLACE + ")");
    private static final Pattern BULLET = Pattern.compile("^(?:[-•*]\\s*|(?:I\\s+(?:also\\s+)?)?(?=(?:led|built|developed|managed|"
            + "designed|created|implemented|improved|increased|reduced|launched|delivered|drove|mentored|automated|"
            + "optimized|optimised|migrated|architected|spearheaded|owned|ran|grew|cut|saved|wrote|deployed|introduced|"
            + "established|coordinated|trained|analyzed|analysed|oversaw|supervised|achieved|negotiated|streamlined|"
            + "handled|maintained|headed|shipped|scaled|boosted)\\b))(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_BULLET = Patterns.compile("(?:,\\s*|\\s)(?:where|and)\\s+I\\s+(.+)$");
    private static final Pattern RESPONSIBILITIES = Patterns.compile("\\b(?:responsibilities|achievements|duties)"
            + "(?:\\s+(?:included|include|were|are))?:?\\s+(.+)$");

    /** Adds jobs and bullets from {@code message} to {@code patch}; {@code data} tells where lone bullets belong. */
    void extract(String message, JsonNode data, ObjectNode patch) {
        List<ObjectNode> jobs = new ArrayList<>();
        List<String> bullets = new ArrayList<>();
        for (String sentence : Text.sentences(message)) {
            ObjectNode job = job(sentence);
            if (job != null) {
                jobs.add(job);
                Matcher clause = CLAUSE_BULLET.matcher(sentence);
                if (clause.find() && BULLET.matcher(clause.group(1)).matches()) {
                    job.withArray("description_bullets").add(Text.bullet(clause.group(1)));
                }
            } else if (!sentence.toLowerCase().contains("project")) {
                bullets.addAll(bullets(sentence));
            }
        }
        ObjectNode target = !jobs.isEmpty() ? jobs.getLast() : lastJob(data);
        if (target != null && !bullets.isEmpty()) {
            ArrayNode list = target.withArray("description_bullets");
            bullets.forEach(list::add);
            if (jobs.isEmpty()) {
                jobs.add(target);
            }
        }
        if (!jobs.isEmpty()) {
            ArrayNode experience = patch.putArray("experience");
            jobs.forEach(experience::add);
        }
    }

    private static ObjectNode job(String sentence) {
        String title = null;
        String company = null;
        int companyEnd = -1;
        Matcher m = AT_AS.matcher(sentence);
        if (m.find() && Patterns.isRole(m.group(2))) {
            company = m.group(1);
            title = m.group(2);
            companyEnd = m.end(1);
        } else {
            m = TITLE_AT.matcher(sentence);
            while (m.find()) {
                if (Patterns.isRole(m.group(1))) {
                    title = m.group(1);
                    company = m.group(2);
                    companyEnd = m.end();
                    break;
                }
            }
        }
        if (title == null) {
            return null;
        }
        ObjectNode job = JsonNodeFactory.instance.objectNode()
                .put("title", Text.titleCase(title)).put("company", Text.clean(company));
        Matcher place = JOB_PLACE.matcher(sentence.substring(companyEnd));
        if (place.find() && Dates.normalize(place.group(1)).isEmpty()) {
            job.put("location", Text.clean(place.group(1)));
        }
        dates(sentence, job);
        return job;
    }

    private static void dates(String sentence, ObjectNode job) {
        Matcher range = RANGE.matcher(sentence);
        if (range.find() && !Dates.normalize(range.group(1)).isEmpty()) {
            job.put("start_date", Dates.normalize(range.group(1)));
            job.put("end_date", Dates.normalize(range.group(2)));
            return;
        }
        Matcher since = SINCE.matcher(sentence);
        if (since.find()) {
            job.put("start_date", Dates.normalize(since.group(1)));
            job.put("end_date", "Present");
        } else if (PRESENT.matcher(sentence).find()) {
            job.put("end_date", "Present");
        }
    }

    private static List<String> bullets(String sentence) {
        Matcher listed = RESPONSIBILITIES.matcher(sentence);
        if (listed.find()) {
            return List.of(listed.group(1).split("\\s*;\\s*")).stream().map(Text::bullet).filter(b -> !b.isEmpty()).toList();
        }
        Matcher bullet = BULLET.matcher(sentence);
        return bullet.matches() ? List.of(Text.bullet(bullet.group(1))) : List.of();
    }

    private static ObjectNode lastJob(JsonNode data) {
        JsonNode experience = data.path("experience");
        if (!experience.isArray() || experience.isEmpty()) {
            return null;
        }
        JsonNode last = experience.get(experience.size() - 1);
        return JsonNodeFactory.instance.objectNode()
                .put("title", last.path("title").asString("")).put("company", last.path("company").asString(""));
    }
}
