package com.cvchat.cvbuilder.data;

import com.cvchat.events.cv.CoverLetterData;
import com.cvchat.events.cv.CvData;
import com.cvchat.events.cv.DataSchema;
import com.cvchat.platform.test.cv.CvDataMother;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class CvShapeTest {

    private final CvShape shape = new CvShape();

    @Test
    void shouldGiveSixteenForNameAndTitleOnly() {
        Progress progress = shape.progress(CvDataMother.nameAndTitle());
        assertThat(progress.percent()).isEqualTo(16);
        assertThat(progress.collected()).isEmpty();
        assertThat(progress.complete()).isFalse();
    }

    @Test
    void shouldGiveThirtyThreeAndPersonalInfoCollectedForTheWholeContact() {
        Progress progress = shape.progress(CvDataMother.personalInfo());
        assertThat(progress.percent()).isEqualTo(33);
        assertThat(progress.collected()).containsExactly("personal_info");
        assertThat(progress.missing()).containsExactly("summary", "experience", "education", "skills",
                "key_projects_achievements");
    }

    @Test
    void shouldReachOneHundredAndCompleteWithoutAwards() {
        ObjectNode data = CvDataMother.complete();
        assertThat(data.get("awards_and_recognitions")).isEmpty();
        Progress progress = shape.progress(data);
        assertThat(progress.percent()).isEqualTo(100);
        assertThat(progress.complete()).isTrue();
        assertThat(progress.missing()).isEmpty();
    }

    @Test
    void shouldStartAtZeroAndCountEachSectionOnlyWhenItsEntriesAreUsable() {
        assertThat(shape.progress(shape.emptyData()).percent()).isZero();
        ObjectNode data = CvDataMother.personalInfo();
        data.withArray("experience").addObject().put("title", "Engineer");
        assertThat(shape.progress(data).percent()).as("a job without company is not yet experience").isEqualTo(33);
        data.put("summary", "Builds things.");
        assertThat(shape.progress(data).percent()).isEqualTo(46);
    }

    @Test
    void shouldDescribeTheTurnAnswerAsSchema() {
        ObjectNode schema = ResponseSchema.of(shape);
        assertThat(schema.at("/properties/patch/properties/experience/items/properties/start_date/type").asString())
                .isEqualTo("string");
        assertThat(schema.at("/properties/patch/properties/skills/properties/certifications/items/type").asString())
                .isEqualTo("string");
        assertThat(schema.at("/properties/message/type").asString()).isEqualTo("string");
        assertThat(schema.at("/properties/patch")).as("the patch is described by the record")
                .isEqualTo(DataSchema.of(CvData.class));
        assertThat(ResponseSchema.of(new CoverLetterShape()).at("/properties/patch"))
                .isEqualTo(DataSchema.of(CoverLetterData.class));
    }
}
