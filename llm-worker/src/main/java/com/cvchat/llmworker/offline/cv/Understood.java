package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a CV turn understood, in a few words for the reply: "your email and phone number", "Site Engineer at Arabtec",
 * "a BSc in Economics", "4 skills (Python, SQL, Spark, Tableau)". The user sees at once what was taken and can correct it.
 */
final class Understood {

    private static final Map<String, String> PERSONAL = new LinkedHashMap<>();

    static {
        PERSONAL.put("full_name", "your name");
        PERSONAL.put("title", "your title");
        PERSONAL.put("email", "your email");
        PERSONAL.put("phone", "your phone number");
        PERSONAL.put("location", "your location");
        PERSONAL.put("linkedin", "your LinkedIn");
        PERSONAL.put("website", "your website");
    }

    private static final int SHOWN_SKILLS = 4;

    private Understood() {
    }

    /** Short phrases for everything the turn's patch brings except the personal fields in {@code skip}. */
    static List<String> phrases(Facts facts, Set<String> skip) {
        JsonNode patch = facts.patch();
        List<String> phrases = new ArrayList<>();
        PERSONAL.forEach((field, words) -> {
            String value = patch.at("/personal_info/" + field).asString("");
            if (!skip.contains(field) && !value.isBlank() && !value.equalsIgnoreCase(facts.data().at("/personal_info/" + field).asString(""))) {
                phrases.add(field.equals("title") ? "your title (" + patch.at("/personal_info/title").asString() + ")" : words);
            }
        });
        patch.path("experience").forEach(job -> phrases.add(job(job)));
        patch.path("education").forEach(degree -> phrases.add(degree(degree)));
        List<String> skills = new ArrayList<>();
        patch.path("skills").forEach(list -> list.forEach(item -> skills.add(item.asString())));
        if (!skills.isEmpty()) {
            String shown = String.join(", ", skills.subList(0, Math.min(SHOWN_SKILLS, skills.size())));
            phrases.add(skills.size() == 1 ? "the skill " + shown
                    : skills.size() + " skills (" + shown + (skills.size() > SHOWN_SKILLS ? ", …)" : ")"));
        }
        patch.path("key_projects_achievements").forEach(p -> phrases.add("the project " + p.path("name").asString()));
        patch.path("awards_and_recognitions").forEach(a -> phrases.add("the award " + a.asString()));
        if (!patch.path("summary").asString("").isBlank()) {
            phrases.add("your summary");
        }
        return phrases;
    }

    /** "a, b and c". */
    static String join(List<String> phrases) {
        if (phrases.size() <= 1) {
            return String.join("", phrases);
        }
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " and " + phrases.getLast();
    }

    private static String job(JsonNode job) {
        String title = job.path("title").asString("");
        String company = job.path("company").asString("");
        int bullets = job.path("description_bullets").size();
        if (title.isEmpty() && company.isEmpty()) {
            return "your job";
        }
        if (title.isEmpty() || (bullets > 0 && job.size() <= 3)) {
            String at = company.isEmpty() ? title : company;
            return bullets > 0 ? bullets + (bullets == 1 ? " achievement" : " achievements") + " at " + at
                    : "your dates at " + at + dates(job);
        }
        return (company.isEmpty() ? title : title + " at " + company) + dates(job);
    }

    /** " (01/2019 – Present)", " (until 01/2022)", or "". */
    private static String dates(JsonNode job) {
        String start = job.path("start_date").asString("");
        String end = job.path("end_date").asString("");
        if (start.isEmpty()) {
            return end.isEmpty() || end.equals("Present") ? "" : " (until " + end + ")";
        }
        return " (" + start + " – " + (end.isEmpty() ? "?" : end) + ")";
    }

    private static String degree(JsonNode degree) {
        String name = degree.path("degree").asString("");
        String field = degree.path("field_of_study").asString("");
        String institution = degree.path("institution").asString("");
        String what = name.isEmpty() ? (field.isEmpty() ? "your studies" : "your studies in " + field)
                : name + (field.isEmpty() ? "" : " in " + field);
        return institution.isEmpty() ? what : what + " from " + institution;
    }
}
