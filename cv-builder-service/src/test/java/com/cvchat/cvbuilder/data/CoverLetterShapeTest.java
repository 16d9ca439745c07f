package com.cvchat.cvbuilder.data;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class CoverLetterShapeTest {

    private final CoverLetterShape shape = new CoverLetterShape();

    @Test
    void shouldCountRequiredSectionsInTheOrderTheyAreAskedFor() {
        ObjectNode data = shape.emptyData();
        assertThat(shape.progress(data).missing()).containsExactly("personal_info", "company", "position", "opening",
                "body_paragraphs", "closing");
        data.withObject("personal_info").put("full_name", "Sarah Johnson").put("email", "sarah@datatech.com");
        data.withObject("company").put("name", "Acme");
        data.put("position", "Lead Data Scientist");
        Progress half = shape.progress(data);
        assertThat(half.percent()).isEqualTo(50);
        assertThat(half.collected()).containsExactly("personal_info", "company", "position");
        data.put("opening", "I am excited to apply.").put("closing", "Kind regards");
        data.withArray("body_paragraphs").add("I led a team.");
        assertThat(shape.progress(data).percent()).isEqualTo(100);
        assertThat(shape.progress(data).complete()).isTrue();
    }
}
