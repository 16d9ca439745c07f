package com.cvchat.llmworker.offline.eval;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScorerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, Tally> score(String expected, String found) {
        return Scorer.score(JSON.readTree(expected), JSON.readTree(found));
    }

    @Test
    void shouldCountJunkAndMissedFieldsPerSection() {
        Map<String, Tally> tallies = score(
                "{\"personal_info\": {\"full_name\": \"Ann Lee\", \"email\": \"a@l.com\"}}",
                "{\"personal_info\": {\"full_name\": \"ann lee\"}, \"skills\": {\"certifications\": [\"graduated 05/2015\"]}}");
        assertThat(tallies.get("personal_info").precision()).isEqualTo(1.0);
        assertThat(tallies.get("personal_info").recall()).isEqualTo(0.5);
        assertThat(tallies.get("skills").precision()).isZero();
        assertThat(tallies.get("skills").junk()).extracting(Fact::value).containsExactly("graduated 05/2015");
    }

    @Test
    void shouldPairJobsByWhatTheyShareNotByTheirOrder() {
        Map<String, Tally> tallies = score("""
                {"experience": [{"title": "Analyst", "company": "Acme", "start_date": "2016"},
                                {"title": "Engineer", "company": "Globex", "start_date": "03/2019"}]}""", """
                {"experience": [{"title": "Engineer", "company": "Globex", "start_date": "01/2019"},
                                {"title": "Analyst", "company": "Acme", "start_date": "06/2016"}]}""");
        Tally experience = tallies.get("experience");
        assertThat(experience.missed()).extracting(Fact::value).containsExactly("03/2019");
        assertThat(experience.junk()).extracting(Fact::value).containsExactly("01/2019");
        assertThat(experience.expected()).isEqualTo(6);
    }

    @Test
    void shouldMatchFreeTextByItsWordsAndYearsAlone() {
        assertThat(Values.match("summary", "I am a nurse with ten years on surgical wards.",
                "Nurse with ten years on surgical wards")).isTrue();
        assertThat(Values.match("summary", "I am a nurse with ten years on surgical wards.", "Nurse")).isFalse();
        assertThat(Values.match("end_date", "2018", "01/2018")).isTrue();
        assertThat(Values.match("end_date", "05/2018", "01/2018")).isFalse();
        assertThat(Values.match("degree", "Master's", "masters")).isTrue();
    }
}
