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

    /** Where one sentence holds two jobs: "… since 2018, and before that I was …". */
    private static final Pattern CLAUSE_BREAK = Patterns.compile(",?\\s+(?:and\\s+)?(?:before that|previously|after that|prior to that)\\b,?|;\\s*");
    /** Dates said of the job just talked about: "been there since Feb 2022", "I joined them in 2019". */
    private static final Pattern THERE = Patterns.compile("\\b(?:been there|there since|there from|joined them|with them since)\\b");
    private static final Pattern BULLET = Patterns.compile("^(?:[-•*]\\s*|(?:I\\s+(?:also\\s+)?)?(?=(?:led|built|developed|managed|"
            + "designed|created|implemented|improved|increased|reduced|launched|delivered|drove|mentored|automated|"
            + "optimized|optimised|migrated|architected|spearheaded|owned|ran|grew|cut|saved|wrote|deployed|introduced|"
            + "established|coordinated|trained|analyzed|analysed|oversaw|supervised|achieved|negotiated|streamlined|"
            + "handled|maintained|headed|shipped|scaled|boosted|rewrote|redesigned|raised|organi[sz]ed|set up|founded|"
            + "conducted|audited|hired|published|presented|taught|coached|refactored|modernized|modernised|"
            + "secured|expanded|generated|halved|doubled|tripled|lowered|onboarded|consolidated|standardi[sz]ed)\\b))(.+)$");
    private static final Pattern CLAUSE_BULLET = Patterns.compile("(?:,\\s*|\\s)(?:where|and)\\s+I\\s+(.+)$");
    private static final Pattern RESPONSIBILITIES = Patterns.compile("\\b(?:responsibilities|achievements|duties)"
            + "(?:\\s+(?:included|include|were|are))?:?\\s+(.+)$");

    /** Adds jobs and bullets from {@code message} to {@code patch}; {@code data} tells where lone bullets belong. */
    void extract(String message, JsonNode data, ObjectNode patch) {
        List<ObjectNode> jobs = new ArrayList<>();
        List<String> bullets = new ArrayList<>();
        ObjectNode previous = lastJob(data);
        for (String sentence : clauses(message)) {
            ObjectNode job = JobParser.parse(sentence);
            if (job == null && previous != null && THERE.matcher(sentence).find()) {
                JobDates.fill(sentence, previous);
                if (!jobs.contains(previous)) {
                    jobs.add(previous);
                }
            } else if (job != null) {
                jobs.add(job);
                previous = job;
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

    private static List<String> clauses(String message) {
        List<String> clauses = new ArrayList<>();
        for (String sentence : Text.sentences(message)) {
            for (String clause : CLAUSE_BREAK.split(sentence)) {
                if (!clause.isBlank()) {
                    clauses.add(clause.trim());
                }
            }
        }
        return clauses;
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
