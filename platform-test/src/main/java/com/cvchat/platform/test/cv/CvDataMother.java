package com.cvchat.platform.test.cv;

import com.cvchat.events.json.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Test data in the shape of cv-chat-api.md (Data Structures): complete CVs and cover letters for documents and exports,
 * and a CV as the spec's Sarah Johnson example builds it up in a session (every field present, empty until given).
 */
public final class CvDataMother {

    public static final String NAME = "Sarah Johnson";
    public static final List<String> JOB_TITLES = List.of("Senior Data Scientist", "Data Analyst");
    public static final List<String> DEGREES = List.of("Master of Science", "Bachelor of Arts");

    private CvDataMother() {
    }

    public static ObjectNode fullCv() {
        return cv(NAME, JOB_TITLES.get(0), "DataTech Inc.", DEGREES.get(0), "Massachusetts Institute of Technology");
    }

    /** A complete CV for {@code name}, with the first job and first degree given. */
    public static ObjectNode cv(String name, String jobTitle, String company, String degree, String institution) {
        ObjectNode cv = EventJson.mapper().createObjectNode();
        ObjectNode personal = cv.putObject("personal_info");
        personal.put("full_name", name);
        personal.put("title", jobTitle);
        personal.put("phone", "+1-555-9999");
        personal.put("email", "sarah@datatech.com");
        personal.put("linkedin", "https://www.linkedin.com/in/sarah-johnson");
        personal.put("website", "https://sarah.example.com");
        personal.put("location", "Boston, MA");
        cv.put("summary", "Data scientist with eight years of experience turning messy data into decisions.");
        ArrayNode experience = cv.putArray("experience");
        job(experience.addObject(), jobTitle, company, "Boston, MA", "03/2020", "Present",
                "Led a team of five building demand forecasts", "Cut model training time by 60%");
        job(experience.addObject(), JOB_TITLES.get(1), "Insight Analytics", "New York, NY", "06/2016", "02/2020",
                "Built weekly KPI dashboards for 40 stores");
        ArrayNode education = cv.putArray("education");
        degree(education.addObject(), institution, degree, "Computer Science", "05/2016", "Thesis on Bayesian forecasting");
        degree(education.addObject(), "Boston University", DEGREES.get(1), "Mathematics", "05/2014", "");
        ObjectNode skills = cv.putObject("skills");
        strings(skills.putArray("core_competencies"), "Machine learning", "Forecasting", "Team leadership");
        strings(skills.putArray("software_proficiency"), "Python", "SQL", "Spark");
        strings(skills.putArray("language_fluency"), "English (native)", "Spanish (fluent)");
        strings(skills.putArray("certifications"), "AWS Certified Machine Learning");
        ArrayNode projects = cv.putArray("key_projects_achievements");
        ObjectNode project = projects.addObject();
        project.put("name", "Churn predictor");
        project.put("description", "Predicted customer churn three months ahead with 85% precision.");
        strings(project.putArray("key_areas_used"), "Python", "XGBoost");
        strings(cv.putArray("awards_and_recognitions"), "Employee of the Year 2022");
        return cv;
    }

    /** A cover letter in the cv-builder's cover-letter shape ({@code company} is an object). */
    public static ObjectNode coverLetter(String name) {
        ObjectNode letter = EventJson.mapper().createObjectNode();
        ObjectNode personal = letter.putObject("personal_info");
        personal.put("full_name", name);
        personal.put("email", "sarah@datatech.com");
        personal.put("phone", "+1-555-9999");
        personal.put("location", "Boston, MA");
        ObjectNode recipient = letter.putObject("recipient");
        recipient.put("name", "Ms. Dana Smith");
        recipient.put("title", "Head of Data");
        letter.putObject("company").put("name", "Acme Analytics").put("address", "1 Main Street, Springfield");
        letter.put("position", "Lead Data Scientist");
        letter.put("opening", "Dear Ms. Smith,");
        strings(letter.putArray("body_paragraphs"),
                "I am writing to apply for the Lead Data Scientist position at Acme Analytics.",
                "At DataTech I led a team of five that cut forecast error by a third.");
        letter.put("closing", "Sincerely,");
        return letter;
    }

    public static JsonNode copy(JsonNode node) {
        return node.deepCopy();
    }

    /** A CV with every field present and empty (a session's start), but the name and the title. */
    public static ObjectNode nameAndTitle() {
        ObjectNode data = blank(fullCv());
        personalInfo(data).put("full_name", NAME).put("title", JOB_TITLES.get(0));
        return data;
    }

    /** {@link #nameAndTitle()} with the email, phone and location. */
    public static ObjectNode personalInfo() {
        ObjectNode data = nameAndTitle();
        personalInfo(data).put("email", "sarah@datatech.com").put("phone", "+1-555-9999").put("location", "Boston, MA");
        return data;
    }

    /** {@link #personalInfo()} with one entry in each section a CV needs (summary, job, degree, skill, project). */
    public static ObjectNode complete() {
        ObjectNode data = personalInfo();
        data.put("summary", "Data scientist with 8 years of experience.");
        ObjectNode job = data.withArray("experience").addObject().put("title", "Senior Data Scientist")
                .put("company", "DataTech").put("start_date", "01/2020").put("end_date", "Present");
        job.putArray("description_bullets").add("Led a team of 5");
        data.withArray("education").addObject().put("institution", "MIT").put("degree", "MSc")
                .put("field_of_study", "Statistics").put("graduation_date", "06/2016");
        data.withObject("skills").withArray("core_competencies").add("Machine Learning");
        data.withArray("key_projects_achievements").addObject().put("name", "Churn model")
                .put("description", "Cut churn 12%");
        return data;
    }

    private static ObjectNode personalInfo(ObjectNode data) {
        return (ObjectNode) data.get("personal_info");
    }

    /** {@code node} with every text emptied and every list cleared, objects kept with their fields. */
    private static ObjectNode blank(ObjectNode node) {
        ObjectNode blank = EventJson.mapper().createObjectNode();
        node.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                blank.set(field.getKey(), blank((ObjectNode) value));
            } else if (value.isArray()) {
                blank.putArray(field.getKey());
            } else {
                blank.put(field.getKey(), "");
            }
        });
        return blank;
    }

    private static void job(ObjectNode job, String title, String company, String location, String start, String end,
                            String... bullets) {
        job.put("title", title);
        job.put("company", company);
        job.put("location", location);
        job.put("start_date", start);
        job.put("end_date", end);
        strings(job.putArray("description_bullets"), bullets);
    }

    private static void degree(ObjectNode edu, String institution, String degree, String field, String date, String details) {
        edu.put("institution", institution);
        edu.put("degree", degree);
        edu.put("field_of_study", field);
        edu.put("graduation_date", date);
        edu.put("details", details);
    }

    private static void strings(ArrayNode array, String... values) {
        for (String value : values) {
            array.add(value);
        }
    }
}
