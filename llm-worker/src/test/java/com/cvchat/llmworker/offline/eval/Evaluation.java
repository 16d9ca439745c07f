package com.cvchat.llmworker.offline.eval;

import com.cvchat.events.cv.CoverLetterData;
import com.cvchat.events.cv.CvData;
import com.cvchat.events.cv.DataSchema;
import com.cvchat.rules.cv.DataMerger;
import com.cvchat.rules.cv.Removal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** Plays every conversation of the corpus through a model, turn by turn as cv-builder-service would, and scores it. */
final class Evaluation {

    private Evaluation() {
    }

    static Report run(List<Conversation> corpus, TurnModel model) {
        Report report = new Report();
        for (Conversation conversation : corpus) {
            report.add(conversation, Scorer.score(conversation.expected(), play(conversation, model)));
        }
        return report;
    }

    /** The document data at the end of the conversation. */
    static ObjectNode play(Conversation conversation, TurnModel model) {
        ObjectNode schema = DataSchema.of("cover_letter".equals(conversation.docType()) ? CoverLetterData.class : CvData.class);
        ObjectNode data = (ObjectNode) DataSchema.emptyValue(schema);
        for (String turn : conversation.turns()) {
            JsonNode answer = model.answer(conversation.docType(), data, turn);
            data = DataMerger.merge(schema, data, answer.path("patch"), Removal.listIn(answer));
        }
        return data;
    }

    /** Counts per document type and section, and over everything. */
    static final class Report {

        private final Map<String, Map<String, Tally>> sections = new java.util.TreeMap<>();
        private final Map<String, Map<String, Tally>> conversations = new java.util.LinkedHashMap<>();
        private final Tally overall = new Tally();

        void add(Conversation conversation, Map<String, Tally> tallies) {
            conversations.put(conversation.id(), tallies);
            Map<String, Tally> byType = sections.computeIfAbsent(conversation.docType(), type -> new java.util.TreeMap<>());
            tallies.forEach((section, tally) -> {
                byType.computeIfAbsent(section, name -> new Tally()).add(tally);
                overall.add(tally);
            });
        }

        Tally overall() {
            return overall;
        }

        Map<String, Map<String, Tally>> sections() {
            return sections;
        }

        Map<String, Map<String, Tally>> conversations() {
            return conversations;
        }
    }
}
