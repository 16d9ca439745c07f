package com.cvchat.llmworker.offline.eval;

import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.llmworker.offline.cv.DeterministicCvTurn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** The built-in offline model answering turns, through the same request the worker hands it. */
final class OfflineTurnModel implements TurnModel {

    private final DeterministicCvTurn turn = new DeterministicCvTurn();

    @Override
    public JsonNode answer(String docType, JsonNode data, String message) {
        ObjectNode context = JsonNodeFactory.instance.objectNode().put("doc_type", docType);
        context.set("data", data);
        return turn.answer(new LlmRequest("eval", "cv", LlmTask.CV_TURN, null, List.of(), message, context, null));
    }
}
