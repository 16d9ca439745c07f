package com.cvchat.llmworker.offline.eval;

import tools.jackson.databind.JsonNode;

/**
 * A model answering one CV-builder turn: given the document type, the data so far and the user's message, it returns
 * {@code {"patch": …, "message": …}} (and optionally {@code "remove": […]}), as cv_turn does.
 */
@FunctionalInterface
interface TurnModel {

    JsonNode answer(String docType, JsonNode data, String message);
}
