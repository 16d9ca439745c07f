package com.cvchat.llmworker.offline.cv;

import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversation listens: no junk from job and degree sentences, says what it understood, shows a form that works. */
class ListeningCvTurnTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DeterministicCvTurn turn = new DeterministicCvTurn();

    private JsonNode answer(String docType, String message, JsonNode data) {
        ObjectNode context = JSON.createObjectNode().put("doc_type", docType);
        context.set("data", data);
        return turn.answer(new LlmRequest("r1", "cv", LlmTask.CV_TURN, null, List.of(), message, context, null));
    }

    private JsonNode cv(String message, String data) {
        return answer("cv", message, JSON.readTree(data));
    }

    @Test
    void shouldNeverTurnJobOrDegreeSentencesIntoSkills() {
        for (String sentence : List.of("Senior Software Engineer at Flipkart from 07/2019 to 05/2023",
                "I hold a BSc in Computer Science from Tel Aviv University, 2020.",
                "Bachelor of Engineering in Mechanical Engineering from the University of São Paulo, graduated 06/2015",
                "I'm a software architect at MercadoLibre in Buenos Aires since 2018, and you can email me at d@m.com.")) {
            JsonNode patch = cv(sentence, "{}").path("patch");
            assertThat(patch.has("skills")).as(sentence + " → " + patch).isFalse();
        }
    }

    @Test
    void shouldSayBrieflyWhatItUnderstood() {
        JsonNode answer = cv("I was a Site Engineer at Arabtec from 2012 to 2016.",
                "{\"personal_info\": {\"full_name\": \"Ahmed Hassan\", \"title\": \"Civil Engineer\"}}");
        assertThat(answer.path("message").asString())
                .startsWith("Got it: Site Engineer at Arabtec (01/2012 – 01/2016). Could you share your contact");
    }

    @Test
    void shouldShowASentenceThatWorksWhenNothingWasUnderstood() {
        JsonNode answer = cv("I did a lot of stuff there", """
                {"personal_info": {"full_name": "Ann Lee", "title": "Nurse", "email": "a@l.com", "phone": "+1 555 0100",
                 "location": "Austin, TX"}}""");
        assertThat(answer.path("patch").isEmpty()).isTrue();
        assertThat(answer.path("message").asString()).isEqualTo("I couldn't find CV details in that. A sentence like "
                + "this works: \"I'm a Product Manager at Acme Corp in Austin since March 2021.\" Now let's talk about "
                + "your work experience. Can you tell me about your current or most recent position?");
    }

    @Test
    void shouldTakeASummaryWheneverItComesAndNotAskForItAgain() {
        JsonNode answer = cv("In short: compassionate nurse with ten years on busy surgical wards.",
                "{\"personal_info\": {\"full_name\": \"Aisha Bello\"}}");
        assertThat(answer.at("/patch/summary").asString())
                .isEqualTo("Compassionate nurse with ten years on busy surgical wards.");
        JsonNode almost = JSON.readTree("""
                {"personal_info": {"full_name": "A B", "title": "Nurse", "email": "a@b.com", "phone": "+44 7700 900123",
                 "location": "Leeds"}, "summary": "Nurse.", "experience": [{"title": "Nurse", "company": "NHS"}],
                 "education": [{"degree": "BSc", "institution": "Leeds"}], "skills": {"core_competencies": ["triage"]},
                 "key_projects_achievements": [{"name": "Ward Flow"}]}""");
        assertThat(answer("cv", "ok", almost).path("message").asString()).doesNotContain("summar");
    }

    @Test
    void shouldKeepNamesInAnyScriptAsWritten() {
        assertThat(cv("Hi, my name is Ivan Petrov (Иван Петров), I'm a QA engineer.", "{}")
                .at("/patch/personal_info/full_name").asString()).isEqualTo("Ivan Petrov (Иван Петров)");
        assertThat(cv("My name is 王伟. I am a Software Engineer.", "{}")
                .at("/patch/personal_info/full_name").asString()).isEqualTo("王伟");
        assertThat(cv("I am Rahul Sharma (राहुल शर्मा), a chartered accountant.", "{}")
                .at("/patch/personal_info/full_name").asString()).isEqualTo("Rahul Sharma (राहुल शर्मा)");
        assertThat(cv("I'm Diego Fernández, a software architect.", "{}").path("message").asString())
                .startsWith("Great to meet you, Diego!");
    }

    @Test
    void shouldReadAJobSentenceThatStartsWithTheDates() {
        JsonNode job = cv("From 04/2020 to Present I am Backend Developer at N26 in Berlin, where I built the ledger.", "{}")
                .at("/patch/experience/0");
        assertThat(job.path("title").asString()).isEqualTo("Backend Developer");
        assertThat(job.path("company").asString()).isEqualTo("N26");
        assertThat(job.path("location").asString()).isEqualTo("Berlin");
        assertThat(job.path("start_date").asString()).isEqualTo("04/2020");
        assertThat(job.path("end_date").asString()).isEqualTo("Present");
    }

    @Test
    void shouldNameTheEntryToRemoveAndAskForWhatIsMissingOnceItIsGone() {
        JsonNode answer = cv("Please remove the arabtec job.", """
                {"personal_info": {"full_name": "Omar Haddad", "title": "Site Engineer", "email": "o@h.ae",
                 "phone": "+971 50 123 4567", "location": "Dubai"},
                 "experience": [{"title": "Site Engineer", "company": "Arabtec"}]}""");
        assertThat(answer.path("patch").isEmpty()).isTrue();
        assertThat(answer.at("/remove/0/section").asString()).isEqualTo("experience");
        assertThat(answer.at("/remove/0/match").asString()).isEqualTo("Arabtec");
        assertThat(answer.path("message").asString()).startsWith("Done: I removed Arabtec from your CV. ")
                .contains("your work experience");
    }

    @Test
    void shouldKeepAJobOfFiveYearsWithoutInventingItsStartDate() {
        JsonNode job = cv("I have been working as a Mechanical Engineer at Embraer for five years.", "{}")
                .at("/patch/experience/0");
        assertThat(job.path("title").asString()).isEqualTo("Mechanical Engineer");
        assertThat(job.path("company").asString()).isEqualTo("Embraer");
        assertThat(job.path("end_date").asString()).isEqualTo("Present");
        assertThat(job.has("start_date")).as("five years before today would be a date the user never gave").isFalse();
    }

    @Test
    void shouldSayPlainlyWhenTheEntryToRemoveIsNotInTheCv() {
        JsonNode answer = cv("Please remove the Initech job.",
                "{\"experience\": [{\"title\": \"Site Engineer\", \"company\": \"Arabtec\"}]}");
        assertThat(answer.has("remove")).isFalse();
        assertThat(answer.path("message").asString())
                .startsWith("I couldn't find Initech in your CV, so nothing was removed. ");
    }

    @Test
    void shouldSetTheEndDateOfTheJobTheUserLeft() {
        JsonNode job = cv("I left Barilla in 2022.",
                "{\"experience\": [{\"title\": \"Brand Manager\", \"company\": \"Barilla\", \"end_date\": \"Present\"}]}")
                .at("/patch/experience/0");
        assertThat(job.path("company").asString()).isEqualTo("Barilla");
        assertThat(job.path("end_date").asString()).isEqualTo("01/2022");
    }

    @Test
    void shouldNameASkillToRemoveAsTheListWritesIt() {
        JsonNode answer = cv("Remove photoshop from my skills.",
                "{\"skills\": {\"software_proficiency\": [\"Excel\", \"Photoshop\"]}}");
        assertThat(answer.at("/remove/0/section").asString()).isEqualTo("skills/software_proficiency");
        assertThat(answer.at("/remove/0/match").asString()).isEqualTo("Photoshop");
    }

    @Test
    void shouldTakeASecondBodyParagraphAsABodyParagraphNotTheClosing() {
        JsonNode data = JSON.readTree("""
                {"personal_info": {"full_name": "Lucas Martin", "email": "l@m.fr"}, "position": "Designer",
                 "company": {"name": "Figma"}, "opening": "I love Figma.", "body_paragraphs": ["At Decathlon I led design."]}""");
        JsonNode body = answer("cover_letter", "I also mentored four junior designers and set up our design system.", data);
        assertThat(body.at("/patch/body_paragraphs/0").asString()).startsWith("I also mentored");
        assertThat(body.at("/patch/closing").isMissingNode()).isTrue();
        JsonNode closing = answer("cover_letter", "I look forward to talking with you.", data);
        assertThat(closing.at("/patch/closing").asString()).isEqualTo("I look forward to talking with you.");
    }
}
