package com.cvchat.cvbuilder.data;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The cover-letter data object (the spec is silent; see README):
 * <pre>
 * { "personal_info": {full_name, title, email, phone, location},
 *   "recipient": {name, title},            // optional: the letter then opens "Dear Hiring Manager"
 *   "company": {name, address},
 *   "position": "",
 *   "opening": "", "body_paragraphs": [], "closing": "" }
 * </pre>
 * Required sections, in the order they are asked for: personal_info (full name and email), company (name),
 * position, opening, body_paragraphs (at least one), closing. Progress is {@code floor(100 × collected / 6)}.
 */
public final class CoverLetterShape implements DocumentShape {

    private static final List<RequiredSection> SECTIONS = List.of(
            new RequiredSection("personal_info", data -> Json.allFilled(data.path("personal_info"), "full_name", "email")),
            new RequiredSection("company", data -> Json.filled(data.path("company"), "name")),
            new RequiredSection("position", data -> Json.filled(data, "position")),
            new RequiredSection("opening", data -> Json.filled(data, "opening")),
            new RequiredSection("body_paragraphs", data -> Json.hasItemWith(data, "body_paragraphs")),
            new RequiredSection("closing", data -> Json.filled(data, "closing")));

    @Override
    public ObjectNode emptyData() {
        ObjectNode data = Json.object();
        ObjectNode personal = data.putObject("personal_info");
        for (String field : List.of("full_name", "title", "email", "phone", "location")) {
            personal.put(field, "");
        }
        data.putObject("recipient").put("name", "").put("title", "");
        data.putObject("company").put("name", "").put("address", "");
        data.put("position", "");
        data.put("opening", "");
        data.putArray("body_paragraphs");
        data.put("closing", "");
        return data;
    }

    @Override
    public Map<String, ObjectNode> itemTemplates() {
        return Map.of();
    }

    @Override
    public Progress progress(JsonNode data) {
        RequiredSection.Split split = RequiredSection.split(SECTIONS, data);
        return new Progress(100 * split.collected().size() / SECTIONS.size(), split.collected(), split.missing());
    }
}
