package com.cvchat.cvbuilder.data;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The CV data object of cv-chat-api.md (Data Structures).
 *
 * <p>Progress is {@code floor(100 × points / 180)}. Personal info is worth a third (60 points): full name 15,
 * title 15, email 10, phone 10, location 10 (LinkedIn and website are optional). Each of the five other required
 * sections — summary, experience, education, skills, key_projects_achievements — is worth 24 points once collected.
 * So name and title alone give 16, the whole personal info 33, everything 100. Awards are optional and add nothing.
 */
public final class CvShape implements DocumentShape {

    static final int TOTAL_POINTS = 180;
    static final int SECTION_POINTS = 24;

    private static final List<RequiredSection> SECTIONS = List.of(
            new RequiredSection("personal_info", data ->
                    Json.allFilled(data.path("personal_info"), "full_name", "title", "email", "phone", "location")),
            new RequiredSection("summary", data -> Json.filled(data, "summary")),
            new RequiredSection("experience", data -> Json.hasItemWith(data, "experience", "title", "company")),
            new RequiredSection("education", data -> Json.hasItemWith(data, "education", "institution", "degree")),
            new RequiredSection("skills", data -> {
                JsonNode skills = data.path("skills");
                return Json.hasItemWith(skills, "core_competencies") || Json.hasItemWith(skills, "software_proficiency");
            }),
            new RequiredSection("key_projects_achievements", data -> Json.hasItemWith(data, "key_projects_achievements", "name")));

    private static final Map<String, Integer> PERSONAL_POINTS = Map.of(
            "full_name", 15, "title", 15, "email", 10, "phone", 10, "location", 10);

    @Override
    public ObjectNode emptyData() {
        ObjectNode data = Json.object();
        ObjectNode personal = data.putObject("personal_info");
        for (String field : List.of("full_name", "title", "phone", "email", "linkedin", "website", "location")) {
            personal.put(field, "");
        }
        data.put("summary", "");
        data.putArray("experience");
        data.putArray("education");
        ObjectNode skills = data.putObject("skills");
        for (String list : List.of("core_competencies", "software_proficiency", "language_fluency", "certifications")) {
            skills.putArray(list);
        }
        data.putArray("key_projects_achievements");
        data.putArray("awards_and_recognitions");
        return data;
    }

    @Override
    public Map<String, ObjectNode> itemTemplates() {
        ObjectNode job = Json.object().put("title", "").put("company", "").put("location", "")
                .put("start_date", "").put("end_date", "");
        job.putArray("description_bullets");
        ObjectNode degree = Json.object().put("institution", "").put("degree", "").put("field_of_study", "")
                .put("graduation_date", "").put("details", "");
        ObjectNode project = Json.object().put("name", "").put("description", "");
        project.putArray("key_areas_used");
        return Map.of("experience", job, "education", degree, "key_projects_achievements", project);
    }

    @Override
    public Progress progress(JsonNode data) {
        int points = 0;
        JsonNode personal = data.path("personal_info");
        for (Map.Entry<String, Integer> field : PERSONAL_POINTS.entrySet()) {
            if (Json.filled(personal, field.getKey())) {
                points += field.getValue();
            }
        }
        RequiredSection.Split split = RequiredSection.split(SECTIONS, data);
        points += SECTION_POINTS * (int) split.collected().stream().filter(name -> !name.equals("personal_info")).count();
        return new Progress(100 * points / TOTAL_POINTS, split.collected(), split.missing());
    }
}
