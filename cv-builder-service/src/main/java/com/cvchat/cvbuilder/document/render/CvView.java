package com.cvchat.cvbuilder.document.render;

import com.cvchat.events.cv.CvData;
import com.cvchat.events.cv.CvJson;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.Stream;

/** What the CV templates show, from {@code cv_data} read tolerantly as {@link CvData} ({@link CvJson}). */
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
        return of(CvJson.cv(data));
    }

    public static CvView of(CvData cv) {
        CvData.PersonalInfo p = cv.personalInfo();
        Person person = new Person(p.fullName(), p.title(), p.phone(), p.email(), p.linkedin(), p.website(), p.location());
        List<Job> jobs = cv.experience().stream()
                .map(j -> new Job(j.title(), j.company(), j.location(), j.startDate(), j.endDate(), j.descriptionBullets()))
                .toList();
        List<Degree> degrees = cv.education().stream()
                .map(e -> new Degree(e.institution(), e.degree(), e.fieldOfStudy(), e.graduationDate(), e.details()))
                .toList();
        CvData.Skills s = cv.skills();
        List<SkillGroup> skills = Stream.of(
                        new SkillGroup("Core competencies", s.coreCompetencies()),
                        new SkillGroup("Software", s.softwareProficiency()),
                        new SkillGroup("Languages", s.languageFluency()),
                        new SkillGroup("Certifications", s.certifications()))
                .filter(g -> !g.items().isEmpty())
                .toList();
        List<Project> projects = cv.keyProjectsAchievements().stream()
                .map(pr -> new Project(pr.name(), pr.description(), pr.keyAreasUsed()))
                .toList();
        return new CvView(person, cv.summary(), jobs, degrees, skills, projects, cv.awardsAndRecognitions());
    }

    static String period(String start, String end) {
        if (start.isEmpty() || end.isEmpty()) {
            return start.isEmpty() ? end : start;
        }
        return start + " – " + end;
    }
}
