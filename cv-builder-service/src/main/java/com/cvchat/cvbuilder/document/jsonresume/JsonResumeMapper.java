package com.cvchat.cvbuilder.document.jsonresume;

import com.cvchat.events.json.EventJson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cv_data ⇄ JSON Resume (jsonresume.org schema 1.x). Every cv_data field has a place, so export then import gives the
 * same cv_data back for data in the spec's formats; see DOCUMENTS.md for the table.
 */
@Component
public class JsonResumeMapper {

    static final String CORE = "Core competencies";
    static final String SOFTWARE = "Software proficiency";
    private static final Pattern LANGUAGE = Pattern.compile("(.+?)\\s*\\((.+)\\)");

    public ObjectNode toJsonResume(JsonNode cv) {
        ObjectNode resume = EventJson.mapper().createObjectNode();
        JsonNode p = cv.path("personal_info");
        ObjectNode basics = resume.putObject("basics");
        put(basics, "name", text(p, "full_name"));
        put(basics, "label", text(p, "title"));
        put(basics, "email", text(p, "email"));
        put(basics, "phone", text(p, "phone"));
        put(basics, "url", url(text(p, "website")));
        put(basics, "summary", text(cv, "summary"));
        if (!text(p, "location").isEmpty()) {
            ObjectNode location = basics.putObject("location");
            String[] place = text(p, "location").split(", ", 2);
            location.put("city", place[0]);
            if (place.length > 1) {
                location.put("region", place[1]);
            }
        }
        ArrayNode profiles = basics.putArray("profiles");
        if (!text(p, "linkedin").isEmpty()) {
            profiles.addObject().put("network", "LinkedIn").put("url", url(text(p, "linkedin")));
        }
        ArrayNode work = resume.putArray("work");
        for (JsonNode job : cv.path("experience")) {
            ObjectNode w = work.addObject();
            put(w, "name", text(job, "company"));
            put(w, "position", text(job, "title"));
            put(w, "location", text(job, "location"));
            putDate(w, "startDate", text(job, "start_date"));
            putDate(w, "endDate", text(job, "end_date"));
            w.set("highlights", strings(job.path("description_bullets")));
        }
        ArrayNode education = resume.putArray("education");
        for (JsonNode edu : cv.path("education")) {
            ObjectNode e = education.addObject();
            put(e, "institution", text(edu, "institution"));
            put(e, "studyType", text(edu, "degree"));
            put(e, "area", text(edu, "field_of_study"));
            putDate(e, "endDate", text(edu, "graduation_date"));
            put(e, "summary", text(edu, "details"));
        }
        JsonNode skills = cv.path("skills");
        ArrayNode skillGroups = resume.putArray("skills");
        skillGroups.addObject().put("name", CORE).set("keywords", strings(skills.path("core_competencies")));
        skillGroups.addObject().put("name", SOFTWARE).set("keywords", strings(skills.path("software_proficiency")));
        ArrayNode languages = resume.putArray("languages");
        for (JsonNode language : skills.path("language_fluency")) {
            Matcher m = LANGUAGE.matcher(language.asString().strip());
            ObjectNode l = languages.addObject();
            l.put("language", m.matches() ? m.group(1) : language.asString().strip());
            if (m.matches()) {
                l.put("fluency", m.group(2));
            }
        }
        ArrayNode certificates = resume.putArray("certificates");
        skills.path("certifications").forEach(c -> certificates.addObject().put("name", c.asString()));
        ArrayNode projects = resume.putArray("projects");
        for (JsonNode project : cv.path("key_projects_achievements")) {
            ObjectNode pr = projects.addObject();
            put(pr, "name", text(project, "name"));
            put(pr, "description", text(project, "description"));
            pr.set("keywords", strings(project.path("key_areas_used")));
        }
        ArrayNode awards = resume.putArray("awards");
        cv.path("awards_and_recognitions").forEach(a -> awards.addObject().put("title", a.asString()));
        return resume;
    }

    /** cv_data from a JSON Resume that passed {@link JsonResumeSchema} validation. */
    public ObjectNode fromJsonResume(JsonNode resume) {
        ObjectNode cv = EventJson.mapper().createObjectNode();
        JsonNode b = resume.path("basics");
        ObjectNode personal = cv.putObject("personal_info");
        personal.put("full_name", text(b, "name"));
        personal.put("title", text(b, "label"));
        personal.put("phone", text(b, "phone"));
        personal.put("email", text(b, "email"));
        personal.put("linkedin", linkedin(b.path("profiles")));
        personal.put("website", text(b, "url"));
        personal.put("location", location(b.path("location")));
        cv.put("summary", text(b, "summary"));
        ArrayNode experience = cv.putArray("experience");
        for (JsonNode w : resume.path("work")) {
            ObjectNode job = experience.addObject();
            job.put("title", text(w, "position"));
            job.put("company", text(w, "name"));
            job.put("location", text(w, "location"));
            String start = ResumeDates.fromIso(text(w, "startDate"));
            job.put("start_date", start);
            String end = ResumeDates.fromIso(text(w, "endDate"));
            job.put("end_date", end.isEmpty() && !start.isEmpty() ? ResumeDates.PRESENT : end);
            ArrayNode bullets = job.putArray("description_bullets");
            if (!text(w, "summary").isEmpty()) {
                bullets.add(text(w, "summary"));
            }
            w.path("highlights").forEach(h -> bullets.add(h.asString()));
        }
        ArrayNode education = cv.putArray("education");
        for (JsonNode e : resume.path("education")) {
            ObjectNode edu = education.addObject();
            edu.put("institution", text(e, "institution"));
            edu.put("degree", text(e, "studyType"));
            edu.put("field_of_study", text(e, "area"));
            edu.put("graduation_date", ResumeDates.fromIso(text(e, "endDate")));
            edu.put("details", educationDetails(e));
        }
        ObjectNode skills = cv.putObject("skills");
        ArrayNode core = skills.putArray("core_competencies");
        ArrayNode software = skills.putArray("software_proficiency");
        for (JsonNode group : resume.path("skills")) {
            ArrayNode target = SOFTWARE.equalsIgnoreCase(text(group, "name")) ? software : core;
            if (group.path("keywords").isArray() && !group.path("keywords").isEmpty()) {
                group.path("keywords").forEach(k -> target.add(k.asString()));
            } else if (!text(group, "name").isEmpty() && !CORE.equalsIgnoreCase(text(group, "name"))) {
                target.add(text(group, "name"));
            }
        }
        ArrayNode languages = skills.putArray("language_fluency");
        for (JsonNode l : resume.path("languages")) {
            String fluency = text(l, "fluency");
            languages.add(fluency.isEmpty() ? text(l, "language") : text(l, "language") + " (" + fluency + ")");
        }
        ArrayNode certifications = skills.putArray("certifications");
        resume.path("certificates").forEach(c -> certifications.add(text(c, "name")));
        ArrayNode projects = cv.putArray("key_projects_achievements");
        for (JsonNode pr : resume.path("projects")) {
            ObjectNode project = projects.addObject();
            project.put("name", text(pr, "name"));
            project.put("description", text(pr, "description"));
            project.set("key_areas_used", strings(pr.path("keywords")));
        }
        ArrayNode awards = cv.putArray("awards_and_recognitions");
        resume.path("awards").forEach(a -> awards.add(text(a, "title")));
        return cv;
    }

    private static String educationDetails(JsonNode e) {
        List<String> parts = new ArrayList<>();
        if (!text(e, "summary").isEmpty()) {
            parts.add(text(e, "summary"));
        }
        if (!text(e, "score").isEmpty()) {
            parts.add("Score: " + text(e, "score"));
        }
        if (e.path("courses").isArray() && !e.path("courses").isEmpty()) {
            List<String> courses = new ArrayList<>();
            e.path("courses").forEach(c -> courses.add(c.asString()));
            parts.add("Courses: " + String.join(", ", courses));
        }
        return String.join(". ", parts);
    }

    private static String linkedin(JsonNode profiles) {
        for (JsonNode profile : profiles) {
            if (text(profile, "network").toLowerCase(Locale.ROOT).contains("linkedin")) {
                String url = text(profile, "url");
                return url.isEmpty() ? text(profile, "username") : url;
            }
        }
        return "";
    }

    private static String location(JsonNode location) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("address", "city", "region", "countryCode")) {
            if (!text(location, field).isEmpty()) {
                parts.add(text(location, field));
            }
        }
        return String.join(", ", parts);
    }

    /** Blank values are left out: the schema checks formats (email, URI) of the fields that are present. */
    private static void put(ObjectNode target, String field, String value) {
        if (!value.isBlank()) {
            target.put(field, value);
        }
    }

    /** A URI for the schema's {@code uri} format: a scheme-less address ("example.com") gets {@code https://}. */
    private static String url(String value) {
        return value.isBlank() || value.contains("://") ? value : "https://" + value;
    }

    private static void putDate(ObjectNode target, String field, String cvDate) {
        String iso = ResumeDates.toIso(cvDate);
        if (iso != null) {
            target.put(field, iso);
        }
    }

    private static ArrayNode strings(JsonNode values) {
        ArrayNode out = EventJson.mapper().createArrayNode();
        values.forEach(v -> out.add(v.asString()));
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : "";
    }
}
