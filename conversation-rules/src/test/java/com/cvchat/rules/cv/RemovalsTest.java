package com.cvchat.rules.cv;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemovalsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private final JsonNode data = json("""
            {"personal_info": {"full_name": "Ana Ruiz", "linkedin": "linkedin.com/in/ana"},
             "experience": [{"title": "Engineer", "company": "Acme Corp"}, {"title": "Analyst", "company": "Globex"}],
             "skills": {"software_proficiency": ["Excel", "Photoshop"]}}""");

    @Test
    void shouldRemoveTheJobTheMatchNamesAndKeepTheOthers() {
        JsonNode result = Removals.apply(data, List.of(new Removal("experience", "acme corp.")));

        assertThat(result.path("experience")).hasSize(1);
        assertThat(result.path("experience").get(0).path("company").asString()).isEqualTo("Globex");
        assertThat(data.path("experience")).as("the input stays as it was").hasSize(2);
    }

    @Test
    void shouldRemoveAListItemOrEmptyATextFieldByItsValue() {
        JsonNode result = Removals.apply(data, List.of(new Removal("skills/software_proficiency", "photoshop"),
                new Removal("personal_info/linkedin", "linkedin.com/in/ana")));

        assertThat(result.path("skills").path("software_proficiency")).extracting(JsonNode::asString).containsExactly("Excel");
        assertThat(result.path("personal_info").path("linkedin").asString()).isEmpty();
        assertThat(result.path("personal_info").path("full_name").asString()).isEqualTo("Ana Ruiz");
    }

    @Test
    void shouldChangeNothingForAnUnknownSectionOrAMatchThatNamesNothing() {
        JsonNode result = Removals.apply(data, List.of(new Removal("experience", "Initech"),
                new Removal("hobbies", "chess"), new Removal("personal_info/full_name", "Someone Else")));

        assertThat(result).isEqualTo(data);
    }

    @Test
    void shouldReadOnlyWellFormedRemovalsFromATurnsAnswer() {
        List<Removal> removals = Removal.listIn(json("""
                {"patch": {}, "message": "Done.", "remove": [{"section": "experience", "match": "Acme"},
                 {"section": "", "match": "x"}, {"match": "no section"}, "text"]}"""));

        assertThat(removals).containsExactly(new Removal("experience", "Acme"));
        assertThat(Removal.listIn(json("{\"patch\": {}}"))).isEmpty();
    }
}
