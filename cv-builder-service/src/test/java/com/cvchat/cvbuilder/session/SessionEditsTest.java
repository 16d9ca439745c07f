package com.cvchat.cvbuilder.session;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class SessionEditsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void shouldMergeObjectsReplaceStringsAndListsAndRemoveNullsAsRfc7396Says() {
        ObjectNode data = json("""
                {"personal_info": {"full_name": "Sarah", "email": "old@example.com"},
                 "skills": {"core_competencies": ["a", "b"], "certifications": ["c"]},
                 "summary": "Old."}""");

        SessionEdits.mergePatch(data, json("""
                {"personal_info": {"email": "new@example.com"},
                 "skills": {"core_competencies": ["b"]},
                 "summary": null}"""));

        assertThat(data).isEqualTo(json("""
                {"personal_info": {"full_name": "Sarah", "email": "new@example.com"},
                 "skills": {"core_competencies": ["b"], "certifications": ["c"]}}"""));
    }

    @Test
    void shouldPutAnObjectWhereThereWasNone() {
        ObjectNode data = json("{\"company\": \"x\"}");

        SessionEdits.mergePatch(data, json("{\"company\": {\"name\": \"DataTech\"}}"));

        assertThat(data).isEqualTo(json("{\"company\": {\"name\": \"DataTech\"}}"));
    }
}
