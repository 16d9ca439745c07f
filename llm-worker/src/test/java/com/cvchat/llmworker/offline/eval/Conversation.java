package com.cvchat.llmworker.offline.eval;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One evaluation conversation: the user's messages in order and the document data a careful reader would keep. */
record Conversation(String id, String docType, List<String> turns, JsonNode expected) {

    static final String CV = "cv";
    static final String COVER_LETTER = "cover_letter";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CV_FILES = List.of("cv-conversations-1.json", "cv-conversations-2.json",
            "cv-conversations-3.json", "cv-conversations-4.json");
    private static final List<String> COVER_LETTER_FILES = List.of("cover-letter-conversations.json",
            "cover-letter-conversations-2.json");

    /** The whole corpus under {@code src/test/resources/eval/}: every CV conversation, then every cover letter. */
    static List<Conversation> corpus() {
        List<Conversation> all = new ArrayList<>();
        CV_FILES.forEach(file -> all.addAll(read(file, CV)));
        COVER_LETTER_FILES.forEach(file -> all.addAll(read(file, COVER_LETTER)));
        return all;
    }

    private static List<Conversation> read(String file, String docType) {
        try (InputStream in = Conversation.class.getResourceAsStream("/eval/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file eval/" + file);
            }
            List<Conversation> conversations = new ArrayList<>();
            for (JsonNode item : JSON.readTree(in)) {
                List<String> turns = item.path("turns").valueStream().map(JsonNode::asString).toList();
                conversations.add(new Conversation(item.path("id").asString(), docType, turns, item.path("expected")));
            }
            return conversations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
