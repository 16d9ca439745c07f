package com.cvchat.cvbuilder.turn;

import tools.jackson.databind.JsonNode;

/**
 * The model's answer to one turn.
 *
 * @param patch   what the user's message adds to or corrects in the document data (may be empty)
 * @param message the assistant's reply: usually the next question
 */
public record TurnResult(JsonNode patch, String message) {
}
