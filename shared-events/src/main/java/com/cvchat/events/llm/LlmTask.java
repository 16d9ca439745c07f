package com.cvchat.events.llm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the model is asked to do. */
public enum LlmTask {
    /** A free-form answer in a chat conversation, streamed. */
    @JsonProperty("chat_reply") CHAT_REPLY,
    /** One turn of the CV / cover-letter builder: a structured patch of the document data plus the next question. */
    @JsonProperty("cv_turn") CV_TURN,
    /** A short title for a conversation, from its first message. */
    @JsonProperty("title") TITLE
}
