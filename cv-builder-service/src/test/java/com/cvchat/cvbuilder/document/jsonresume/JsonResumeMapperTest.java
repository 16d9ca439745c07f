package com.cvchat.cvbuilder.document.jsonresume;

import com.cvchat.events.json.EventJson;
import com.cvchat.platform.test.cv.CvDataMother;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** cv_data ⇄ JSON Resume against the JSON Resume schema (shipped in schemas/, checked by networknt). */
class JsonResumeMapperTest {

    private final JsonResumeMapper mapper = new JsonResumeMapper();
    private final JsonResumeSchema schema = new JsonResumeSchema();

    @Test
    void shouldExportAFullCvThatValidatesAgainstTheJsonResumeSchema() {
        ObjectNode resume = mapper.toJsonResume(CvDataMother.fullCv());

        assertThat(schema.problems(resume)).isEmpty();
        assertThat(resume.path("basics").path("name").asString()).isEqualTo(CvDataMother.NAME);
        assertThat(resume.path("work").get(0).path("position").asString()).isEqualTo("Senior Data Scientist");
        assertThat(resume.path("work").get(0).path("startDate").asString()).isEqualTo("2020-03");
        assertThat(resume.path("work").get(0).has("endDate")).as("ongoing job has no end date").isFalse();
        assertThat(resume.path("education").get(0).path("studyType").asString()).isEqualTo("Master of Science");
        assertThat(resume.path("languages").get(0).path("fluency").asString()).isEqualTo("native");
        assertThat(resume.path("basics").path("profiles").get(0).path("network").asString()).isEqualTo("LinkedIn");
    }

    @Test
    void shouldGiveBackTheSameCvDataAfterExportThenImport() {
        for (JsonNode cv : new JsonNode[]{CvDataMother.fullCv(),
                CvDataMother.cv("Иван Петров", "Инженер", "Société Générale", "Διδάκτωρ", "東京大学")}) {
            assertThat(mapper.fromJsonResume(mapper.toJsonResume(cv))).isEqualTo(cv);
        }
    }

    @Test
    void shouldNameTheProblemsOfAnInvalidResume() {
        JsonNode invalid = EventJson.mapper().readTree("""
                {"basics": {"name": "Sarah", "email": "not an email"}, "work": {"name": "Acme"},
                 "education": [{"institution": "MIT", "endDate": "May 2016"}]}
                """);

        assertThat(String.join("\n", schema.problems(invalid)))
                .contains("/basics/email: does not match the email pattern")
                .contains("/work: object found, array expected")
                .contains("/education/0/endDate: is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY");
    }

    @Test
    void shouldImportAValidResumeWhoseFieldsOutsideTheSchemaHoldOtherKindsOfValues() {
        // JSON Resume allows properties it does not define, of any kind: education has no "summary"
        JsonNode resume = EventJson.mapper().readTree("""
                {"basics": {"name": "Ada Lovelace", "extra": [1, 2]},
                 "education": [{"institution": "University of London", "summary": {"x": 1}},
                               {"institution": "Royal Society", "summary": ["a", {"b": 2}]}]}
                """);

        assertThat(schema.problems(resume)).isEmpty();
        JsonNode cv = mapper.fromJsonResume(resume);
        assertThat(cv.path("personal_info").path("full_name").asString()).isEqualTo("Ada Lovelace");
        assertThat(cv.path("education").findValuesAsString("institution"))
                .containsExactly("University of London", "Royal Society");
    }

    @Test
    void shouldImportAResumeWrittenElsewhereKeepingWhatCvDataCanHold() {
        JsonNode resume = EventJson.mapper().readTree("""
                {"basics": {"name": "Richard Hendricks", "label": "Programmer", "email": "richard@piedpiper.com",
                   "location": {"address": "2712 Broadway St", "city": "San Francisco", "countryCode": "US"},
                   "profiles": [{"network": "Twitter", "username": "rh"}, {"network": "LinkedIn", "username": "richard"}]},
                 "work": [{"name": "Pied Piper", "position": "CEO", "startDate": "2013-12-01", "summary": "Founded it",
                           "highlights": ["Won TechCrunch Disrupt"]}],
                 "education": [{"institution": "University of Oklahoma", "area": "Information Technology",
                                "studyType": "Bachelor", "endDate": "2014-01-01", "score": "4.0", "courses": ["DB1101"]}],
                 "skills": [{"name": "Web Development", "keywords": ["HTML", "CSS"]}, {"name": "Compression"}],
                 "languages": [{"language": "English", "fluency": "Native speaker"}]}
                """);

        assertThat(schema.problems(resume)).isEmpty();
        JsonNode cv = mapper.fromJsonResume(resume);
        assertThat(cv.path("personal_info").path("location").asString()).isEqualTo("2712 Broadway St, San Francisco, US");
        assertThat(cv.path("personal_info").path("linkedin").asString()).isEqualTo("richard");
        assertThat(cv.path("experience").get(0).path("start_date").asString()).isEqualTo("12/2013");
        assertThat(cv.path("experience").get(0).path("end_date").asString()).isEqualTo("Present");
        assertThat(cv.path("experience").get(0).path("description_bullets").toString())
                .isEqualTo("[\"Founded it\",\"Won TechCrunch Disrupt\"]");
        assertThat(cv.path("education").get(0).path("details").asString()).isEqualTo("Score: 4.0. Courses: DB1101");
        assertThat(cv.path("skills").path("core_competencies").toString()).isEqualTo("[\"HTML\",\"CSS\",\"Compression\"]");
        assertThat(cv.path("skills").path("language_fluency").get(0).asString()).isEqualTo("English (Native speaker)");
    }
}
