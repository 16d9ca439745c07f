package com.cvchat.voice.answer;

import com.cvchat.rules.disclaimer.Disclaimer;

/** Where the pieces of an answer go: the socket that asked (which may have closed meanwhile). */
public interface AnswerSink {

    void answerPiece(String text);

    /** The whole answer; it is stored in the conversation before this is called. */
    void answerComplete(String userText, String text, Disclaimer disclaimer);

    void answerFailed(String message);

    void titleGenerated(String title);
}
