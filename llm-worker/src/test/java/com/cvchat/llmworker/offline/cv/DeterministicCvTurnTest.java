package com.cvchat.llmworker.offline.cv;

import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeterministicCvTurnTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DeterministicCvTurn turn = new DeterministicCvTurn();

    private JsonNode answer(String message, JsonNode data) {
        ObjectNode context = JSON.createObjectNode().put("doc_type", "cv");
        context.set("data", data);
        return turn.answer(new LlmRequest("r1", "cv", LlmTask.CV_TURN, null, List.of(), message, context, null));
    }

    private JsonNode patch(String message) {
        return answer(message, JSON.createObjectNode()).path("patch");
    }

    private JsonNode data(String json) {
        return JSON.readTree(json);
    }

    private static List<String> strings(JsonNode list) {
        return list.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void shouldReadTheSpecsGreetingAndAskForContactDetails() {
        JsonNode answer = answer("Hi! I am Sarah Johnson, a Senior Data Scientist", JSON.createObjectNode());
        assertThat(answer.at("/patch/personal_info/full_name").asString()).isEqualTo("Sarah Johnson");
        assertThat(answer.at("/patch/personal_info/title").asString()).isEqualTo("Senior Data Scientist");
        assertThat(answer.path("patch").propertyNames()).as("only name and title: progress 16").containsExactly("personal_info");
        assertThat(answer.at("/patch/personal_info").propertyNames()).containsExactlyInAnyOrder("full_name", "title");
        assertThat(answer.path("message").asString()).isEqualTo("Great to meet you, Sarah! I'd love to help you "
                + "create your CV. Could you share your contact information - email, phone number, and location?");
    }

    @Test
    void shouldReadTheSpecsContactMessageAndMoveOnToExperience() {
        JsonNode before = data("{\"personal_info\": {\"full_name\": \"Sarah Johnson\", \"title\": \"Senior Data Scientist\"}}");
        JsonNode answer = answer("My email is sarah@datatech.com, phone is +1-555-9999, I'm in Boston, MA", before);
        JsonNode info = answer.at("/patch/personal_info");
        assertThat(info.path("email").asString()).isEqualTo("sarah@datatech.com");
        assertThat(info.path("phone").asString()).isEqualTo("+1-555-9999");
        assertThat(info.path("location").asString()).isEqualTo("Boston, MA");
        assertThat(info.has("full_name")).as("nothing invented").isFalse();
        assertThat(answer.path("message").asString()).isEqualTo("Perfect! I have your contact details. Now let's "
                + "talk about your work experience. Can you tell me about your current or most recent position?");
    }

    @Test
    void shouldReadOtherWaysOfGivingNameTitleAndContact() {
        JsonNode info = patch("My name is John O'Neil. I work as a backend developer. Call me on 555 123 4567 "
                + "or mail JOHN.ONEIL@Example.org. I live in New York, NY. linkedin.com/in/john-oneil and my "
                + "portfolio is https://johnoneil.dev").path("personal_info");
        assertThat(info.path("full_name").asString()).isEqualTo("John O'Neil");
        assertThat(info.path("title").asString()).isEqualTo("Backend Developer");
        assertThat(info.path("phone").asString()).isEqualTo("555 123 4567");
        assertThat(info.path("email").asString()).isEqualTo("john.oneil@example.org");
        assertThat(info.path("location").asString()).isEqualTo("New York, NY");
        assertThat(info.path("linkedin").asString()).isEqualTo("linkedin.com/in/john-oneil");
        assertThat(info.path("website").asString()).isEqualTo("https://johnoneil.dev");
    }

    @Test
    void shouldTakeTheTitleFromTheSpecsJavascriptExample() {
        JsonNode answer = answer("I'm a software engineer with 5 years of experience", JSON.createObjectNode());
        assertThat(answer.at("/patch/personal_info/title").asString()).isEqualTo("Software Engineer");
        assertThat(answer.at("/patch/personal_info/full_name").isMissingNode()).isTrue();
        assertThat(answer.path("message").asString()).endsWith("Could you tell me your full name?");
    }

    @Test
    void shouldNotMistakeOrdinarySentencesForFacts() {
        for (String sentence : List.of("I am in charge of the analytics team", "I am a bit busy today",
                "I'm Looking forward to it", "We met in 2016-2019 twice", "Thanks, that is all for now",
                "I won't be available next week", "I am a quick learner", "I'm a hard worker and a team player")) {
            JsonNode patch = patch(sentence);
            assertThat(patch.isEmpty()).as(sentence + " → " + patch).isTrue();
        }
        assertThat(answer("hello there", JSON.createObjectNode()).path("message").asString())
                .startsWith("I couldn't find CV details in that. A sentence like this works: \"I'm Maria Lopez, a Product Manager.\"");
    }

    @Test
    void shouldNotReadAStateAbbreviationAsADegree() {
        assertThat(patch("My email is sarah@datatech.com, phone is +1-555-9999, I'm in Boston, MA").has("education"))
                .isFalse();
        assertThat(patch("I moved to Worcester, MA in 2019").has("education")).isFalse();
        assertThat(patch("I hold an MS in Statistics from Boston University").at("/education/0/degree").asString())
                .isEqualTo("MS");
    }

    @Test
    void shouldNotTakeAYearRangeOrADateForAPhoneNumber() {
        JsonNode patch = patch("I worked as a Data Analyst at Acme Corp from 06/2016 to 12/2019");
        assertThat(patch.at("/personal_info/phone").isMissingNode()).isTrue();
    }

    @Test
    void shouldReplaceACorrectedPhoneNumber() {
        JsonNode patch = patch("Actually my phone is +1-555-0000");
        assertThat(patch.at("/personal_info/phone").asString()).isEqualTo("+1-555-0000");
        assertThat(patch("Sorry, my email is sarah.j@datatech.com").at("/personal_info/email").asString())
                .isEqualTo("sarah.j@datatech.com");
        assertThat(patch("Actually I'm based in Cambridge, MA").at("/personal_info/location").asString())
                .isEqualTo("Cambridge, MA");
    }

    @Test
    void shouldReadACurrentJobWithDatesAndBullets() {
        JsonNode job = patch("I'm a Senior Data Scientist at DataTech since January 2020. I led a team of 5 data "
                + "scientists. I built a real-time fraud detection pipeline.").at("/experience/0");
        assertThat(job.path("title").asString()).isEqualTo("Senior Data Scientist");
        assertThat(job.path("company").asString()).isEqualTo("DataTech");
        assertThat(job.path("start_date").asString()).isEqualTo("01/2020");
        assertThat(job.path("end_date").asString()).isEqualTo("Present");
        assertThat(strings(job.path("description_bullets")))
                .containsExactly("Led a team of 5 data scientists", "Built a real-time fraud detection pipeline");
    }

    @Test
    void shouldReadAPastJobWithLocationAndARange() {
        JsonNode job = patch("Before that I worked at Acme Corp as a Data Analyst from June 2016 to Dec 2019")
                .at("/experience/0");
        assertThat(job.path("title").asString()).isEqualTo("Data Analyst");
        assertThat(job.path("company").asString()).isEqualTo("Acme Corp");
        assertThat(job.path("start_date").asString()).isEqualTo("06/2016");
        assertThat(job.path("end_date").asString()).isEqualTo("12/2019");
        JsonNode other = patch("I was a Software Engineer at Globex in Chicago, IL, 2014 - 2016.").at("/experience/0");
        assertThat(other.path("location").asString()).isEqualTo("Chicago, IL");
        assertThat(other.path("start_date").asString()).isEqualTo("01/2014");
        assertThat(other.path("end_date").asString()).isEqualTo("01/2016");
    }

    @Test
    void shouldAttachLoneBulletsToTheLastJobTalkedAbout() {
        JsonNode before = data("{\"experience\": [{\"title\": \"Senior Data Scientist\", \"company\": \"DataTech\"}]}");
        JsonNode job = answer("I reduced churn by 12%.\n- Mentored 3 junior analysts", before).at("/patch/experience/0");
        assertThat(job.path("company").asString()).isEqualTo("DataTech");
        assertThat(strings(job.path("description_bullets"))).containsExactly("Reduced churn by 12%", "Mentored 3 junior analysts");
        assertThat(patch("I reduced churn by 12%").has("experience")).as("no job to attach to").isFalse();
    }

    @Test
    void shouldReadDegrees() {
        JsonNode degree = patch("I have a Master's in Computer Science from MIT, graduated in May 2016 with honors")
                .at("/education/0");
        assertThat(degree.path("degree").asString()).isEqualTo("Master's");
        assertThat(degree.path("field_of_study").asString()).isEqualTo("Computer Science");
        assertThat(degree.path("institution").asString()).isEqualTo("MIT");
        assertThat(degree.path("graduation_date").asString()).isEqualTo("05/2016");
        assertThat(degree.path("details").asString()).isEqualTo("with honors");
        JsonNode bsc = patch("BSc in Mathematics, University of Edinburgh, 2014").at("/education/0");
        assertThat(bsc.path("degree").asString()).isEqualTo("BSc");
        assertThat(bsc.path("field_of_study").asString()).isEqualTo("Mathematics");
        assertThat(bsc.path("institution").asString()).isEqualTo("University of Edinburgh");
        assertThat(bsc.path("graduation_date").asString()).isEqualTo("01/2014");
        JsonNode phd = patch("I graduated from Stanford University with a PhD in statistics in 2019").at("/education/0");
        assertThat(phd.path("degree").asString()).isEqualTo("PhD");
        assertThat(phd.path("institution").asString()).isEqualTo("Stanford University");
        assertThat(phd.path("field_of_study").asString()).isEqualTo("Statistics");
        assertThat(phd.path("graduation_date").asString()).isEqualTo("01/2019");
    }

    @Test
    void shouldReadSkillListsOfEveryKind() {
        JsonNode skills = patch("My skills include machine learning, statistical modeling and data visualization. "
                + "I use Python, SQL, Spark and Tableau. I speak English (native) and Spanish (fluent). "
                + "Certifications: AWS Certified Machine Learning Specialty, Google Professional Data Engineer.")
                .path("skills");
        assertThat(strings(skills.path("core_competencies")))
                .containsExactly("machine learning", "statistical modeling", "data visualization");
        assertThat(strings(skills.path("software_proficiency"))).containsExactly("Python", "SQL", "Spark", "Tableau");
        assertThat(strings(skills.path("language_fluency"))).containsExactly("English (Native)", "Spanish (Fluent)");
        assertThat(strings(skills.path("certifications")))
                .containsExactly("AWS Certified Machine Learning Specialty", "Google Professional Data Engineer");
    }

    @Test
    void shouldReadProjectsAndAwards() {
        JsonNode patch = patch("One key project: Churn Radar - a churn prediction model that cut churn by 12% using "
                + "Python and XGBoost. I won the Best Paper Award at KDD 2021.");
        JsonNode project = patch.at("/key_projects_achievements/0");
        assertThat(project.path("name").asString()).isEqualTo("Churn Radar");
        assertThat(project.path("description").asString()).startsWith("A churn prediction model that cut churn by 12%");
        assertThat(strings(project.path("key_areas_used"))).containsExactly("Python", "XGBoost");
        assertThat(strings(patch.path("awards_and_recognitions"))).containsExactly("Best Paper Award at KDD 2021");
        assertThat(patch("I won the game last night").has("awards_and_recognitions")).isFalse();
    }

    @Test
    void shouldAskInANaturalOrderAndTakeAFreeAnswerAsTheSummary() {
        JsonNode almost = data("""
                {"personal_info": {"full_name": "Sarah Johnson", "title": "Senior Data Scientist", "email": "s@d.com",
                  "phone": "+1-555-9999", "location": "Boston, MA"},
                 "experience": [{"title": "Senior Data Scientist", "company": "DataTech"}],
                 "education": [{"degree": "MSc", "institution": "MIT"}],
                 "skills": {"core_competencies": ["Machine Learning"]}}
                """);
        JsonNode projects = answer("hmm", almost);
        assertThat(projects.path("message").asString()).contains("key project");
        ((ObjectNode) almost).putArray("key_projects_achievements").addObject().put("name", "Churn Radar");
        assertThat(answer("ok", almost).path("message").asString()).contains("summarize your professional profile");
        JsonNode summary = answer("Data scientist with eight years of turning data into products", almost);
        assertThat(summary.at("/patch/summary").asString())
                .isEqualTo("Data scientist with eight years of turning data into products.");
        assertThat(summary.path("message").asString()).contains("awards");
    }

    @Test
    void shouldNormaliseDates() {
        assertThat(Dates.normalize("January 2020")).isEqualTo("01/2020");
        assertThat(Dates.normalize("Sept. 2019")).isEqualTo("09/2019");
        assertThat(Dates.normalize("3/2018")).isEqualTo("03/2018");
        assertThat(Dates.normalize("2021-11")).isEqualTo("11/2021");
        assertThat(Dates.normalize("2015")).isEqualTo("01/2015");
        assertThat(Dates.normalize("now")).isEqualTo("Present");
        assertThat(Dates.normalize("13/2020")).isEmpty();
        assertThat(Dates.normalize("Boston")).isEmpty();
    }

    @Test
    void shouldBuildACoverLetter() {
        ObjectNode context = JSON.createObjectNode().put("doc_type", "cover_letter");
        context.set("data", JSON.createObjectNode());
        JsonNode first = turn.answer(new LlmRequest("r", "cv", LlmTask.CV_TURN, null, List.of(),
                "I'm Sarah Johnson, sarah@datatech.com. I'm applying for the Lead Data Scientist position at Acme "
                        + "Analytics. The hiring manager is John Smith, head of data.", context, null));
        JsonNode patch = first.path("patch");
        assertThat(patch.at("/personal_info/full_name").asString()).isEqualTo("Sarah Johnson");
        assertThat(patch.path("position").asString()).isEqualTo("Lead Data Scientist");
        assertThat(patch.at("/company/name").asString()).isEqualTo("Acme Analytics");
        assertThat(patch.at("/recipient/name").asString()).isEqualTo("John Smith");
        assertThat(patch.at("/recipient/title").asString()).isEqualTo("Head of Data");
        assertThat(first.path("message").asString()).contains("open the letter");

        context.set("data", patch);
        JsonNode opening = turn.answer(new LlmRequest("r", "cv", LlmTask.CV_TURN, null, List.of(),
                "I am thrilled to apply because Acme builds the tools I use every day.", context, null));
        assertThat(opening.at("/patch/opening").asString()).startsWith("I am thrilled to apply");
        assertThat(opening.path("message").asString()).contains("body");
    }
}
