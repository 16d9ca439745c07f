package com.cvchat.cvbuilder.document.render;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.Stream;

/** What the CV templates show, read tolerantly from {@code cv_data} (cv-chat-api.md, Data Structures). */
public record CvView(Person person, String summary, List<Job> experience, List<Degree> education,
                     List<SkillGroup> skills, List<Project> projects, List<String> awards) {

    public record Person(String name, String title, String phone, String email, String linkedin, String website,
                         String location) {

        /** Contact items that are filled in, in display order; web addresses without "https://www.". */
        public List<String> contacts() {
            return Stream.of(email, phone, location, shortUrl(linkedin), shortUrl(website))
                    .filter(s -> !s.isEmpty()).toList();
        }

        private static String shortUrl(String url) {
            return url.replaceFirst("^(?i)https?://", "").replaceFirst("^(?i)www\\.", "").replaceFirst("/$", "");
        }
    }

    public record Job(String title, String company, String location, String startDate, String endDate,
                      List<String> bullets) {

        public String period() {
            return CvView.period(startDate, endDate);
        }
    }

    public record Degree(String institution, String degree, String fieldOfStudy, String graduationDate, String details) {

        /** "Master of Science in Computer Science", or whichever half is filled in. */
        public String heading() {
            if (degree.isEmpty() || fieldOfStudy.isEmpty()) {
                return degree.isEmpty() ? fieldOfStudy : degree;
            }
            return degree + " in " + fieldOfStudy;
        }
    }

    public record SkillGroup(String label, List<String> items) {
    }

    public record Project(String name, String description, List<String> keyAreas) {
    }

    public static CvView of(JsonNode data) {
        JsonNode p = Json.object(data, "personal_info");
        Person person = new Person(Json.text(p, "full_name"), Json.text(p, "title"), Json.text(p, "phone"),
                Json.text(p, "email"), Json.text(p, "linkedin"), Json.text(p, "website"), Json.text(p, "location"));
        List<Job> jobs = Json.objects(data, "experience").stream()
                .map(j -> new Job(Json.text(j, "title"), Json.text(j, "company"), Json.text(j, "location"),
                        Json.text(j, "start_date"), Json.text(j, "end_date"), Json.texts(j, "description_bullets")))
                .toList();
        List<Degree> degrees = Json.objects(data, "education").stream()
                .map(e -> new Degree(Json.text(e, "institution"), Json.text(e, "degree"), Json.text(e, "field_of_study"),
                        Json.text(e, "graduation_date"), Json.text(e, "details")))
                .toList();
        JsonNode s = Json.object(data, "skills");
        List<SkillGroup> skills = Stream.of(
                        new SkillGroup("Core competencies", Json.texts(s, "core_competencies")),
                        new SkillGroup("Software", Json.texts(s, "software_proficiency")),
                        new SkillGroup("Languages", Json.texts(s, "language_fluency")),
                        new SkillGroup("Certifications", Json.texts(s, "certifications")))
                .filter(g -> !g.items().isEmpty())
                .toList();
        List<Project> projects = Json.objects(data, "key_projects_achievements").stream()
                .map(pr -> new Project(Json.text(pr, "name"), Json.text(pr, "description"), Json.texts(pr, "key_areas_used")))
                .toList();
        return new CvView(person, Json.text(data, "summary"), jobs, degrees, skills, projects,
                Json.texts(data, "awards_and_recognitions"));
    }

    static String period(String start, String end) {
        if (start.isEmpty() || end.isEmpty()) {
            return start.isEmpty() ? end : start;
        }
        return start + " – " + end;
    }
}
