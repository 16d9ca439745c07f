package com.cvchat.cvbuilder.document.jsonresume;

import com.cvchat.events.cv.DataSchema;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The part of a JSON Resume (jsonresume.org schema 1.x) that cv_data has a place for, in the schema's camelCase. Texts
 * left {@code null} are not written (the schema checks the formats of the fields that are present); a list read as
 * missing is {@code null}, use {@link #each}.
 */
record JsonResume(Basics basics, List<Work> work, List<Education> education, List<Skill> skills,
                  List<Language> languages, List<Certificate> certificates, List<Project> projects, List<Award> awards) {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** What this record reads, in JSON Resume's names: a value of another kind in a field the schema leaves open is not read. */
    static final ObjectNode SHAPE = DataSchema.of(JsonResume.class, UnaryOperator.identity());

    static <T> List<T> each(List<T> items) {
        return items == null ? List.of() : items;
    }

    record Basics(String name, String label, String email, String phone, String url, String summary,
                  Location location, List<Profile> profiles) {
    }

    record Location(String address, String city, String region, String countryCode) {
    }

    record Profile(String network, String url, String username) {
    }

    record Work(String name, String position, String location, String startDate, String endDate, String summary,
                List<String> highlights) {
    }

    record Education(String institution, String studyType, String area, String endDate, String summary, String score,
                     List<String> courses) {
    }

    record Skill(String name, List<String> keywords) {
    }

    record Language(String language, String fluency) {
    }

    record Certificate(String name) {
    }

    record Project(String name, String description, List<String> keywords) {
    }

    record Award(String title) {
    }
}
