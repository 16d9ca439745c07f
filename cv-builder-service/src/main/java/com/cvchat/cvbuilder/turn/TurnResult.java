package com.cvchat.cvbuilder.turn;

import com.cvchat.rules.cv.Removal;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The model's answer to one turn.
 *
 * @param patch   what the user's message adds to or corrects in the document data (may be empty)
 * @param remove  the entries the message asks to take out ("remove the Acme job"; usually none)
 * @param message the assistant's reply: usually the next question
 */
public record TurnResult(JsonNode patch, List<Removal> remove, String message) {

    public TurnResult {
        remove = List.copyOf(remove);
    }
}
