package com.cvchat.chat.conversation;

import com.cvchat.chat.web.ApiTimes;
import com.cvchat.rules.disclaimer.DisclaimerCategory;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Arrays;

/**
 * A message as the API shows it. An AI message about a sensitive topic carries the {@code disclaimer} its answer
 * was given ({@code primary_category} and {@code message}, as in the stream's {@code done} event); others have none.
 */
public record MessageView(String id, String sender, String message, String createdAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) StoredDisclaimer disclaimer) {

    static MessageView of(MessageDocument document) {
        return new MessageView(document.id(), document.sender(), document.text(), ApiTimes.format(document.createdAt()),
                MessageDocument.SENDER_AI.equals(document.sender()) ? StoredDisclaimer.of(document.disclaimerCategory()) : null);
    }

    /** The disclaimer of a stored answer: its primary category (what the message keeps) and that category's text. */
    public record StoredDisclaimer(String primaryCategory, String message) {

        static StoredDisclaimer of(String category) {
            if (category == null) {
                return null;
            }
            return Arrays.stream(DisclaimerCategory.values()).filter(c -> c.wireName().equals(category)).findFirst()
                    .map(c -> new StoredDisclaimer(c.wireName(), c.disclaimerText())).orElse(null);
        }
    }
}
