package com.cvchat.cvbuilder.data;

import com.cvchat.events.cv.CvData;
import com.cvchat.events.cv.CvJson;
import com.cvchat.events.cv.DataSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.stream.Stream;

/**
 * The CV data object of cv-chat-api.md (Data Structures), {@link CvData}.
 *
 * <p>Progress is {@code floor(100 × points / 180)}. Personal info is worth a third (60 points): full name 15,
 * title 15, email 10, phone 10, location 10 (LinkedIn and website are optional). Each of the five other required
 * sections — summary, experience, education, skills, key_projects_achievements — is worth 24 points once collected.
 * So name and title alone give 16, the whole personal info 33, everything 100. Awards are optional and add nothing.
 */
public final class CvShape implements DocumentShape {

    static final int TOTAL_POINTS = 180;
    static final int SECTION_POINTS = 24;

    private static final ObjectNode SCHEMA = DataSchema.of(CvData.class);

    private static final List<RequiredSection<CvData>> SECTIONS = List.of(
            new RequiredSection<>("personal_info", cv -> filled(cv.personalInfo().fullName(), cv.personalInfo().title(),
                    cv.personalInfo().email(), cv.personalInfo().phone(), cv.personalInfo().location())),
            new RequiredSection<>("summary", cv -> filled(cv.summary())),
            new RequiredSection<>("experience", cv -> cv.experience().stream().anyMatch(j -> filled(j.title(), j.company()))),
            new RequiredSection<>("education", cv -> cv.education().stream()
                    .anyMatch(e -> filled(e.institution(), e.degree()))),
            new RequiredSection<>("skills", cv -> !cv.skills().coreCompetencies().isEmpty()
                    || !cv.skills().softwareProficiency().isEmpty()),
            new RequiredSection<>("key_projects_achievements", cv -> cv.keyProjectsAchievements().stream()
                    .anyMatch(p -> filled(p.name()))));

    @Override
    public CvData empty() {
        return CvData.EMPTY;
    }

    @Override
    public ObjectNode schema() {
        return SCHEMA;
    }

    @Override
    public Progress progress(JsonNode data) {
        CvData cv = CvJson.cv(data);
        CvData.PersonalInfo p = cv.personalInfo();
        int points = 15 * count(p.fullName(), p.title()) + 10 * count(p.email(), p.phone(), p.location());
        RequiredSection.Split split = RequiredSection.split(SECTIONS, cv);
        points += SECTION_POINTS * (int) split.collected().stream().filter(name -> !name.equals("personal_info")).count();
        return new Progress(100 * points / TOTAL_POINTS, split.collected(), split.missing());
    }

    static boolean filled(String... texts) {
        return count(texts) == texts.length;
    }

    private static int count(String... texts) {
        return (int) Stream.of(texts).filter(t -> !t.isEmpty()).count();
    }
}
