package com.cvchat.platform.test.cv;

import com.cvchat.events.cv.CoverLetterData;
import com.cvchat.events.cv.CvData;
import com.cvchat.events.cv.CvJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Test data as the shared-events records ({@link CvData}, {@link CoverLetterData}) write it: complete CVs and cover
 * letters for documents and exports, and a CV as the spec's Sarah Johnson example builds it up in a session (every
 * field present, empty until given). Each call gives a new tree the caller may change.
 */
public final class CvDataMother {

    public static final String NAME = "Sarah Johnson";
    public static final List<String> JOB_TITLES = List.of("Senior Data Scientist", "Data Analyst");
    public static final List<String> DEGREES = List.of("Master of Science", "Bachelor of Arts");

    private static final String EMAIL = "sarah@datatech.com";
    private static final String PHONE = "+1-555-9999";
    private static final String LOCATION = "Boston, MA";

    private CvDataMother() {
    }

    public static ObjectNode fullCv() {
        return cv(NAME, JOB_TITLES.get(0), "DataTech Inc.", DEGREES.get(0), "Massachusetts Institute of Technology");
    }

    /** A complete CV for {@code name}, with the first job and first degree given. */
    public static ObjectNode cv(String name, String jobTitle, String company, String degree, String institution) {
        return CvJson.tree(new CvData(
                new CvData.PersonalInfo(name, jobTitle, PHONE, EMAIL, "https://www.linkedin.com/in/sarah-johnson",
                        "https://sarah.example.com", LOCATION),
                "Data scientist with eight years of experience turning messy data into decisions.",
                List.of(new CvData.Job(jobTitle, company, LOCATION, "03/2020", "Present",
                                List.of("Led a team of five building demand forecasts", "Cut model training time by 60%")),
                        new CvData.Job(JOB_TITLES.get(1), "Insight Analytics", "New York, NY", "06/2016", "02/2020",
                                List.of("Built weekly KPI dashboards for 40 stores"))),
                List.of(new CvData.Education(institution, degree, "Computer Science", "05/2016",
                                "Thesis on Bayesian forecasting"),
                        new CvData.Education("Boston University", DEGREES.get(1), "Mathematics", "05/2014", "")),
                new CvData.Skills(List.of("Machine learning", "Forecasting", "Team leadership"),
                        List.of("Python", "SQL", "Spark"), List.of("English (native)", "Spanish (fluent)"),
                        List.of("AWS Certified Machine Learning")),
                List.of(new CvData.Project("Churn predictor",
                        "Predicted customer churn three months ahead with 85% precision.", List.of("Python", "XGBoost"))),
                List.of("Employee of the Year 2022")));
    }

    /** A complete cover letter for {@code name}. */
    public static ObjectNode coverLetter(String name) {
        return CvJson.tree(new CoverLetterData(
                new CoverLetterData.Sender(name, "", EMAIL, PHONE, LOCATION),
                new CoverLetterData.Recipient("Ms. Dana Smith", "Head of Data"),
                new CoverLetterData.Company("Acme Analytics", "1 Main Street, Springfield"),
                "Lead Data Scientist", "Dear Ms. Smith,",
                List.of("I am writing to apply for the Lead Data Scientist position at Acme Analytics.",
                        "At DataTech I led a team of five that cut forecast error by a third."),
                "Sincerely,"));
    }

    public static JsonNode copy(JsonNode node) {
        return node.deepCopy();
    }

    /** A CV with every field present and empty (a session's start), but the name and the title. */
    public static ObjectNode nameAndTitle() {
        return CvJson.tree(withPersonalInfo(CvData.EMPTY, new CvData.PersonalInfo(NAME, JOB_TITLES.get(0), null, null,
                null, null, null)));
    }

    /** {@link #nameAndTitle()} with the email, phone and location. */
    public static ObjectNode personalInfo() {
        return CvJson.tree(personalInfoCv());
    }

    /** {@link #personalInfo()} with one entry in each section a CV needs (summary, job, degree, skill, project). */
    public static ObjectNode complete() {
        CvData data = personalInfoCv();
        return CvJson.tree(new CvData(data.personalInfo(), "Data scientist with 8 years of experience.",
                List.of(new CvData.Job("Senior Data Scientist", "DataTech", null, "01/2020", "Present",
                        List.of("Led a team of 5"))),
                List.of(new CvData.Education("MIT", "MSc", "Statistics", "06/2016", null)),
                new CvData.Skills(List.of("Machine Learning"), null, null, null),
                List.of(new CvData.Project("Churn model", "Cut churn 12%", null)),
                null));
    }

    private static CvData personalInfoCv() {
        return withPersonalInfo(CvData.EMPTY, new CvData.PersonalInfo(NAME, JOB_TITLES.get(0), PHONE, EMAIL, null, null,
                LOCATION));
    }

    private static CvData withPersonalInfo(CvData cv, CvData.PersonalInfo personal) {
        return new CvData(personal, cv.summary(), cv.experience(), cv.education(), cv.skills(),
                cv.keyProjectsAchievements(), cv.awardsAndRecognitions());
    }
}
