package com.cvchat.cvbuilder.data;

import com.cvchat.events.cv.CoverLetterData;
import com.cvchat.events.cv.CvJson;
import com.cvchat.events.cv.DataSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static com.cvchat.cvbuilder.data.CvShape.filled;

/**
 * The cover-letter data object, {@link CoverLetterData} (the spec is silent; see README). Required sections, in the
 * order they are asked for: personal_info (full name and email), company (name), position, opening, body_paragraphs
 * (at least one), closing. Progress is {@code floor(100 × collected / 6)}.
 */
public final class CoverLetterShape implements DocumentShape {

    private static final ObjectNode SCHEMA = DataSchema.of(CoverLetterData.class);

    private static final List<RequiredSection<CoverLetterData>> SECTIONS = List.of(
            new RequiredSection<>("personal_info", l -> filled(l.personalInfo().fullName(), l.personalInfo().email())),
            new RequiredSection<>("company", l -> filled(l.company().name())),
            new RequiredSection<>("position", l -> filled(l.position())),
            new RequiredSection<>("opening", l -> filled(l.opening())),
            new RequiredSection<>("body_paragraphs", l -> !l.bodyParagraphs().isEmpty()),
            new RequiredSection<>("closing", l -> filled(l.closing())));

    @Override
    public CoverLetterData empty() {
        return CoverLetterData.EMPTY;
    }

    @Override
    public ObjectNode schema() {
        return SCHEMA;
    }

    @Override
    public Progress progress(JsonNode data) {
        RequiredSection.Split split = RequiredSection.split(SECTIONS, CvJson.coverLetter(data));
        return new Progress(100 * split.collected().size() / SECTIONS.size(), split.collected(), split.missing());
    }
}
