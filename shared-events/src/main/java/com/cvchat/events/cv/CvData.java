package com.cvchat.events.cv;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * The {@code cv_data} object of cv-chat-api.md (Data Structures), on the wire in snake_case with every field present
 * (texts {@code ""} and lists {@code []} until known), in the spec's order. Texts follow {@link WireText}; a missing
 * part reads as empty. Read and written with {@link CvJson}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CvData(PersonalInfo personalInfo, String summary, List<Job> experience, List<Education> education,
                     Skills skills, List<Project> keyProjectsAchievements,
                     List<String> awardsAndRecognitions) {

    public static final CvData EMPTY = new CvData(null, null, null, null, null, null, null);

    public CvData {
        personalInfo = personalInfo == null ? PersonalInfo.EMPTY : personalInfo;
        summary = WireText.of(summary);
        experience = WireText.items(experience);
        education = WireText.items(education);
        skills = skills == null ? Skills.EMPTY : skills;
        keyProjectsAchievements = WireText.items(keyProjectsAchievements);
        awardsAndRecognitions = WireText.of(awardsAndRecognitions);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PersonalInfo(String fullName, String title, String phone, String email, String linkedin,
                               String website, String location) {

        public static final PersonalInfo EMPTY = new PersonalInfo(null, null, null, null, null, null, null);

        public PersonalInfo {
            fullName = WireText.of(fullName);
            title = WireText.of(title);
            phone = WireText.of(phone);
            email = WireText.of(email);
            linkedin = WireText.of(linkedin);
            website = WireText.of(website);
            location = WireText.of(location);
        }
    }

    /** One job; dates are {@code MM/YYYY}, the end date may be {@code "Present"}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Job(String title, String company, String location, String startDate, String endDate,
                      List<String> descriptionBullets) {

        public static final Job EMPTY = new Job(null, null, null, null, null, null);

        public Job {
            title = WireText.of(title);
            company = WireText.of(company);
            location = WireText.of(location);
            startDate = WireText.of(startDate);
            endDate = WireText.of(endDate);
            descriptionBullets = WireText.of(descriptionBullets);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Education(String institution, String degree, String fieldOfStudy, String graduationDate,
                            String details) {

        public static final Education EMPTY = new Education(null, null, null, null, null);

        public Education {
            institution = WireText.of(institution);
            degree = WireText.of(degree);
            fieldOfStudy = WireText.of(fieldOfStudy);
            graduationDate = WireText.of(graduationDate);
            details = WireText.of(details);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Skills(List<String> coreCompetencies,
                         List<String> softwareProficiency,
                         List<String> languageFluency,
                         List<String> certifications) {

        public static final Skills EMPTY = new Skills(null, null, null, null);

        public Skills {
            coreCompetencies = WireText.of(coreCompetencies);
            softwareProficiency = WireText.of(softwareProficiency);
            languageFluency = WireText.of(languageFluency);
            certifications = WireText.of(certifications);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Project(String name, String description,
                          List<String> keyAreasUsed) {

        public static final Project EMPTY = new Project(null, null, null);

        public Project {
            name = WireText.of(name);
            description = WireText.of(description);
            keyAreasUsed = WireText.of(keyAreasUsed);
        }
    }
}
