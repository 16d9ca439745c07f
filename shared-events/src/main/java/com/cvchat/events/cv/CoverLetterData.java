package com.cvchat.events.cv;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * The cover-letter data object (the spec is silent on it; cv-builder-service's README shows it), on the wire in
 * snake_case with every field present, in this order. Texts follow {@link WireText}; a missing part reads as empty.
 * {@code recipient} may stay empty: the letter then opens "Dear Hiring Manager".
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CoverLetterData(Sender personalInfo, Recipient recipient, Company company, String position,
                              String opening,
                              List<String> bodyParagraphs,
                              String closing) {

    public static final CoverLetterData EMPTY = new CoverLetterData(null, null, null, null, null, null, null);

    public CoverLetterData {
        personalInfo = personalInfo == null ? Sender.EMPTY : personalInfo;
        recipient = recipient == null ? Recipient.EMPTY : recipient;
        company = company == null ? Company.EMPTY : company;
        position = WireText.of(position);
        opening = WireText.of(opening);
        bodyParagraphs = WireText.of(bodyParagraphs);
        closing = WireText.of(closing);
    }

    /** The letter's writer: a CV's personal info without the web addresses, email before phone. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Sender(String fullName, String title, String email, String phone, String location) {

        public static final Sender EMPTY = new Sender(null, null, null, null, null);

        public Sender {
            fullName = WireText.of(fullName);
            title = WireText.of(title);
            email = WireText.of(email);
            phone = WireText.of(phone);
            location = WireText.of(location);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Recipient(String name, String title) {

        public static final Recipient EMPTY = new Recipient(null, null);

        public Recipient {
            name = WireText.of(name);
            title = WireText.of(title);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Company(String name, String address) {

        public static final Company EMPTY = new Company(null, null);

        public Company {
            name = WireText.of(name);
            address = WireText.of(address);
        }
    }
}
