package com.cvchat.cvbuilder.document.render;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the cover-letter templates show. Read tolerantly, since the letter's data grows through conversation:
 * {@code personal_info} (as in a CV), {@code recipient} (an object with name/title, or a string), {@code company}
 * (an object with name/address as the cv-builder's cover-letter shape has it, or a string), {@code position},
 * {@code date}, {@code opening} (or {@code greeting}/{@code salutation}), the body
 * ({@code body_paragraphs}, {@code body} or {@code paragraphs}: an array or a string with blank-line breaks),
 * {@code closing} and {@code signature}.
 */
public record CoverLetterView(CvView.Person sender, List<String> recipientLines, String date, String subject,
                              String opening, List<String> paragraphs, String closing, String signature) {

    public static CoverLetterView of(JsonNode data) {
        CvView.Person sender = CvView.of(data).person();
        List<String> recipient = new ArrayList<>();
        JsonNode r = Json.object(data, "recipient");
        if (r != null) {
            Stream.of("name", "title").map(f -> Json.text(r, f)).filter(s -> !s.isEmpty()).forEach(recipient::add);
        } else if (!Json.text(data, "recipient").isEmpty()) {
            recipient.add(Json.text(data, "recipient"));
        }
        JsonNode c = Json.object(data, "company");
        String company = c != null ? Json.text(c, "name") : Json.text(data, "company");
        if (company.isEmpty() && r != null) {
            company = Json.text(r, "company");
        }
        if (!company.isEmpty()) {
            recipient.add(company);
        }
        recipient.addAll(Json.texts(c != null ? c : r, "address"));
        String position = Json.text(data, "position");
        String opening = first(data, "opening", "greeting", "salutation");
        List<String> body = paragraphs(data);
        String signature = first(data, "signature");
        return new CoverLetterView(sender, recipient, Json.text(data, "date"),
                position.isEmpty() ? "" : "Application for " + position,
                opening.isEmpty() ? "Dear Hiring Manager," : opening, body,
                first(data, "closing").isEmpty() ? "Sincerely," : first(data, "closing"),
                signature.isEmpty() ? sender.name() : signature);
    }

    private static List<String> paragraphs(JsonNode data) {
        for (String field : List.of("body_paragraphs", "body", "paragraphs")) {
            List<String> items = Json.texts(data, field);
            if (!items.isEmpty()) {
                return items.stream().flatMap(p -> Stream.of(p.split("\\n\\s*\\n")))
                        .map(String::strip).filter(p -> !p.isEmpty()).toList();
            }
        }
        return List.of();
    }

    private static String first(JsonNode data, String... fields) {
        return Stream.of(fields).map(f -> Json.text(data, f)).filter(s -> !s.isEmpty()).findFirst().orElse("");
    }
}
