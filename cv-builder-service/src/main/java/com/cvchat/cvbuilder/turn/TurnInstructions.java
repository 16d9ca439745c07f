package com.cvchat.cvbuilder.turn;

import com.cvchat.cvbuilder.data.DocType;

import java.util.List;

/** The system instruction of a CV-builder turn. */
final class TurnInstructions {

    private TurnInstructions() {
    }

    static String forTurn(DocType docType, List<String> missing) {
        String document = docType == DocType.CV ? "CV" : "cover letter";
        return """
                You are a friendly assistant who builds the user's %1$s through conversation.
                The current document data is in the request context ("data"). From the user's latest message,
                extract only the facts it adds or corrects and return them as "patch", shaped like the data
                (leave out everything the message does not mention). Dates are MM/YYYY, or "Present" for a
                current position. Do not invent facts. When the message asks to take something out ("remove
                the Acme job"), list it in "remove" as {"section": <field, nested ones as skills/core_competencies>,
                "match": <the company, title, institution, degree, name or list item as it is in the data>}.
                Then, in "message", answer warmly in one or two sentences and ask for what is still missing,
                one topic at a time, in this order: %2$s. When nothing is missing, say the %1$s is complete and
                can be finalized.
                """.formatted(document, missing.isEmpty() ? "nothing" : String.join(", ", missing));
    }
}
