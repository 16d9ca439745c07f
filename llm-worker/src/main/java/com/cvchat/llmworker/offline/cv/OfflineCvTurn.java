package com.cvchat.llmworker.offline.cv;

import com.cvchat.events.llm.LlmRequest;
import tools.jackson.databind.JsonNode;

/**
 * The offline provider's answer to a {@code cv_turn} request: deterministic extraction of document facts from the
 * user's message, and the next question. Contract (shared with cv-builder-service):
 * <ul>
 *   <li>input: {@code request.prompt()} = the user's message; {@code request.context()} =
 *       {@code {"doc_type": "cv"|"cover_letter", "data": <current document data>}}</li>
 *   <li>output: {@code {"patch": <partial document data with only what this message adds or corrects>,
 *       "message": <the assistant's reply / next question>}}</li>
 * </ul>
 * Owned by the CV-builder work; the offline provider only delegates to it.
 */
public interface OfflineCvTurn {

    JsonNode answer(LlmRequest request);
}
