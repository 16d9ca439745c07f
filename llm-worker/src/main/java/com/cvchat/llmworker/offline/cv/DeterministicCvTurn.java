package com.cvchat.llmworker.offline.cv;

import com.cvchat.events.llm.LlmRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The offline provider's {@code cv_turn}: deterministic extraction of facts from natural sentences (no model, no
 * network) and the next question. Returns {@code {"patch": …, "message": …}}; the patch holds only what the
 * message adds or corrects — merging it into the document is cv-builder-service's job.
 */
@Component
public class DeterministicCvTurn implements OfflineCvTurn {

    private final CvTurn cv = new CvTurn();
    private final CoverLetterTurn coverLetter = new CoverLetterTurn();

    @Override
    public JsonNode answer(LlmRequest request) {
        JsonNode context = request.context() == null ? JsonNodeFactory.instance.objectNode() : request.context();
        JsonNode data = context.path("data").isObject() ? context.path("data") : JsonNodeFactory.instance.objectNode();
        String message = request.prompt() == null ? "" : request.prompt();
        ObjectNode answer = "cover_letter".equals(context.path("doc_type").asString(""))
                ? coverLetter.answer(message, data)
                : cv.answer(message, data);
        return answer;
    }
}
