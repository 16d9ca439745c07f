package com.cvchat.voice.speech;

/** The provider could not recognise the audio (process failure, provider error). The message is safe to show. */
public class SpeechRecognitionException extends RuntimeException {
    public SpeechRecognitionException(String message, Throwable cause) {
        super(message, cause);
    }

    public SpeechRecognitionException(String message) {
        super(message);
    }
}
