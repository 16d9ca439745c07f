package com.cvchat.events.cv;

import com.cvchat.events.json.EventJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The records write exactly the JSON of the spec's samples (same fields, same order, same text) and read it back. */
class CvDataTest {

    private static String sample(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/cv", name)).strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"spec-start.json", "spec-message.json", "full-cv.json"})
    void shouldWriteACvSampleByteForByteAsItWasRead(String name) throws IOException {
        String json = sample(name);
        assertThat(CvJson.tree(CvJson.cv(EventJson.mapper().readTree(json))).toString()).isEqualTo(json);
    }

    @Test
    void shouldWriteTheCoverLetterSampleByteForByteAsItWasRead() throws IOException {
        String json = sample("cover-letter.json");
        assertThat(CvJson.tree(CvJson.coverLetter(EventJson.mapper().readTree(json))).toString()).isEqualTo(json);
    }

    @Test
    void shouldWriteTheEmptyDocumentsWithEveryFieldPresentAndEmpty() throws IOException {
        assertThat(CvJson.tree(CvData.EMPTY).toString()).isEqualTo(sample("spec-start.json")
                .replace("Sarah Johnson", "").replace("Senior Data Scientist", ""));
        assertThat(CvJson.tree(CoverLetterData.EMPTY).toString()).isEqualTo("""
                {"personal_info":{"full_name":"","title":"","email":"","phone":"","location":""},\
                "recipient":{"name":"","title":""},"company":{"name":"","address":""},"position":"","opening":"",\
                "body_paragraphs":[],"closing":""}""");
    }

    @Test
    void shouldReadPartialLooseDataTheWayAConversationBuildsItUp() {
        CvData cv = CvJson.cv(EventJson.mapper().readTree("""
                {"personal_info": {"full_name": "  Sarah Johnson\\u2003", "age": 40, "phone": 5551234},
                 "experience": [{"company": "DataTech", "description_bullets": "Led a team of 5"}, null],
                 "education": {"institution": "MIT", "details": {"gpa": 4}}, "key_projects_achievements": "Churn model",
                 "awards_and_recognitions": "Best Paper 2021", "hobbies": ["chess"], "summary": null, "skills": "Python"}"""));

        assertThat(cv.personalInfo().fullName()).as("stripped, Unicode spaces too").isEqualTo("Sarah Johnson");
        assertThat(cv.personalInfo().phone()).isEqualTo("5551234");
        assertThat(cv.personalInfo().email()).isEmpty();
        assertThat(cv.summary()).isEmpty();
        assertThat(cv.experience()).containsExactly(
                new CvData.Job("", "DataTech", "", "", "", List.of("Led a team of 5")));
        assertThat(cv.education()).as("a single object reads as a list, an object in a text slot as empty")
                .containsExactly(new CvData.Education("MIT", "", "", "", ""));
        assertThat(cv.keyProjectsAchievements()).as("a text where an entry belongs is dropped").isEmpty();
        assertThat(cv.skills()).as("a text where an object belongs is dropped").isEqualTo(CvData.Skills.EMPTY);
        assertThat(cv.awardsAndRecognitions()).containsExactly("Best Paper 2021");
        assertThat(CvJson.tree(cv).has("hobbies")).as("fields outside the record are dropped").isFalse();
        assertThat(CvJson.tree(cv).get("personal_info").has("age")).isFalse();
    }

    @Test
    void shouldDropBlankAndWrongKindListItems() {
        CvData cv = CvJson.cv(EventJson.mapper().readTree("""
                {"skills": {"software_proficiency": ["Python", " ", null, "SQL ", {"x": 1}, ["R"]]}}"""));
        assertThat(cv.skills().softwareProficiency()).containsExactly("Python", "SQL");
    }

    @Test
    void shouldReadAnythingButAnObjectAsTheEmptyDocument() {
        assertThat(CvJson.cv(null)).isEqualTo(CvData.EMPTY);
        assertThat(CvJson.cv(EventJson.mapper().readTree("[1]"))).isEqualTo(CvData.EMPTY);
        assertThat(CvJson.coverLetter(EventJson.mapper().readTree("\"text\""))).isEqualTo(CoverLetterData.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"full-cv.json", "cover-letter.json"})
    void shouldDescribeEveryWireFieldInTheSchemaAndNothingElse(String name) throws IOException {
        JsonNode sample = EventJson.mapper().readTree(sample(name));
        JsonNode schema = DataSchema.of(name.startsWith("cover") ? CoverLetterData.class : CvData.class);
        assertThat(paths(schema, "")).containsExactlyElementsOf(wirePaths(sample, ""));
    }

    /** Every field path of a schema, e.g. {@code /experience[]/start_date}, in property order. */
    private static List<String> paths(JsonNode schema, String prefix) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String path = prefix + "/" + property.getKey();
            JsonNode value = property.getValue();
            out.add(path + ":" + value.path("type").asString());
            if (value.has("properties")) {
                out.addAll(paths(value, path));
            } else if (value.path("items").has("properties")) {
                out.addAll(paths(value.path("items"), path + "[]"));
            } else if (value.has("items")) {
                out.add(path + "[]:" + value.path("items").path("type").asString());
            }
        }
        return out;
    }

    /** The same paths read from a sample whose lists all have a first item. */
    private static List<String> wirePaths(JsonNode data, String prefix) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            String path = prefix + "/" + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                out.add(path + ":object");
                out.addAll(wirePaths(value, path));
            } else if (value.isArray()) {
                out.add(path + ":array");
                if (value.get(0).isObject()) {
                    out.addAll(wirePaths(value.get(0), path + "[]"));
                } else {
                    out.add(path + "[]:string");
                }
            } else {
                out.add(path + ":string");
            }
        }
        return out;
    }
}
