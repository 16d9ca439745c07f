package com.cvchat.rules.cv;

import com.cvchat.events.cv.CvData;
import com.cvchat.events.cv.CvJson;
import com.cvchat.events.cv.DataSchema;
import com.cvchat.platform.test.cv.CvDataMother;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DataMergerTest {

    private static final ObjectNode SCHEMA = DataSchema.of(CvData.class);
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode patch(String text) {
        return json.readTree(text);
    }

    @Test
    void shouldAddNewFactsWithoutDroppingEarlierOnes() {
        ObjectNode merged = DataMerger.merge(SCHEMA, CvDataMother.nameAndTitle(),
                patch("{\"personal_info\": {\"email\": \"sarah@datatech.com\", \"phone\": \"+1-555-9999\"}}"));
        assertThat(merged.at("/personal_info/full_name").asString()).isEqualTo("Sarah Johnson");
        assertThat(merged.at("/personal_info/email").asString()).isEqualTo("sarah@datatech.com");
        assertThat(merged.at("/personal_info/phone").asString()).isEqualTo("+1-555-9999");
    }

    @Test
    void shouldReplaceACorrectedValueButIgnoreBlanksAndNulls() {
        ObjectNode merged = DataMerger.merge(SCHEMA, CvDataMother.personalInfo(),
                patch("{\"personal_info\": {\"phone\": \"+1-555-0000\", \"email\": \"\", \"location\": null}}"));
        assertThat(merged.at("/personal_info/phone").asString()).isEqualTo("+1-555-0000");
        assertThat(merged.at("/personal_info/email").asString()).isEqualTo("sarah@datatech.com");
        assertThat(merged.at("/personal_info/location").asString()).isEqualTo("Boston, MA");
    }

    @Test
    void shouldDeduplicateListItemsCaseInsensitively() {
        ObjectNode data = DataMerger.merge(SCHEMA, CvJson.tree(CvData.EMPTY),
                patch("{\"skills\": {\"software_proficiency\": [\"Python\", \"SQL\"]}}"));
        ObjectNode merged = DataMerger.merge(SCHEMA, data,
                patch("{\"skills\": {\"software_proficiency\": [\"python\", \"Spark\"]}, \"awards_and_recognitions\": \"Best Paper 2021\"}"));
        assertThat(merged.at("/skills/software_proficiency")).extracting(JsonNode::asString)
                .containsExactly("Python", "SQL", "Spark");
        assertThat(merged.at("/awards_and_recognitions/0").asString()).isEqualTo("Best Paper 2021");
    }

    @Test
    void shouldMergeBulletsIntoTheSameJobAndAppendADifferentOne() {
        ObjectNode data = CvDataMother.complete();
        ObjectNode merged = DataMerger.merge(SCHEMA, data, patch("""
                {"experience": [
                  {"company": "datatech", "description_bullets": ["Led a team of 5", "Built the churn model"]},
                  {"title": "Data Analyst", "company": "Acme", "start_date": "06/2016", "end_date": "12/2019"}]}
                """));
        assertThat(merged.get("experience")).hasSize(2);
        assertThat(merged.at("/experience/0/description_bullets")).extracting(JsonNode::asString)
                .containsExactly("Led a team of 5", "Built the churn model");
        assertThat(merged.at("/experience/1/company").asString()).isEqualTo("Acme");
        assertThat(merged.at("/experience/1/description_bullets")).isEmpty();
    }

    @Test
    void shouldIgnoreFieldsOutsideTheShapeAndNotChangeItsInputs() {
        ObjectNode data = CvDataMother.nameAndTitle();
        String before = data.toString();
        ObjectNode merged = DataMerger.merge(SCHEMA, data, patch("{\"hobbies\": [\"chess\"], \"personal_info\": {\"age\": \"40\"}}"));
        assertThat(merged.has("hobbies")).isFalse();
        assertThat(merged.get("personal_info").has("age")).isFalse();
        assertThat(merged).isEqualTo(data);
        assertThat(data.toString()).isEqualTo(before);
    }

    @Test
    void shouldDropOnlyTheValuesOfTheWrongKind() {
        ObjectNode merged = DataMerger.merge(SCHEMA, CvDataMother.nameAndTitle(), patch("""
                {"personal_info": {"email": {"work": "sarah@datatech.com"}, "phone": 5559999},
                 "summary": ["Builds things."], "experience": "Acme", "education": {"institution": "MIT"}}"""));
        assertThat(merged.at("/personal_info/email").asString()).isEmpty();
        assertThat(merged.at("/personal_info/phone").asString()).isEqualTo("5559999");
        assertThat(merged.at("/summary").asString()).isEmpty();
        assertThat(merged.get("experience")).isEmpty();
        assertThat(merged.at("/education/0/institution").asString()).isEqualTo("MIT");
        assertThat(merged.at("/personal_info/full_name").asString()).isEqualTo("Sarah Johnson");
    }

    @Test
    void shouldTakeOutTheEntriesATurnRemovesBeforeMergingItsPatch() {
        ObjectNode data = DataMerger.merge(SCHEMA, CvDataMother.complete(), patch("""
                {"experience": [{"title": "Data Analyst", "company": "Acme", "start_date": "06/2016"}]}"""));
        ObjectNode merged = DataMerger.merge(SCHEMA, data,
                patch("{\"personal_info\": {\"phone\": \"+1-555-0000\"}}"),
                List.of(new Removal("experience", "acme"), new Removal("skills/core_competencies", "machine learning")));

        assertThat(merged.get("experience")).extracting(job -> job.path("company").asString()).containsExactly("DataTech");
        assertThat(merged.at("/skills/core_competencies")).isEmpty();
        assertThat(merged.at("/personal_info/phone").asString()).isEqualTo("+1-555-0000");
        assertThat(merged.get("skills").valueStream().allMatch(JsonNode::isEmpty)).as("no skill left").isTrue();
        assertThat(data.get("experience")).as("the stored data is not changed in place").hasSize(2);
    }

    @Test
    void shouldKeepEverythingWhenARemovalNamesNothingOrAFieldOutsideTheShape() {
        ObjectNode data = DataMerger.merge(SCHEMA, CvDataMother.complete(), patch("{}"));
        ObjectNode merged = DataMerger.merge(SCHEMA, data, patch("{}"),
                List.of(new Removal("experience", "Initech"), new Removal("hobbies", "chess")));
        assertThat(merged).isEqualTo(data);
    }
}
