package com.cvchat.voice.socket;

import com.cvchat.events.llm.ChatTurn;
import com.cvchat.platform.web.ApiException;
import com.cvchat.rules.disclaimer.Disclaimer;
import com.cvchat.voice.answer.AnswerSink;
import com.cvchat.voice.answer.VoiceTurn;
import com.cvchat.voice.answer.VoiceTurns;
import com.cvchat.voice.conversation.VoiceConversation;
import com.cvchat.voice.speech.AudioFormat;
import com.cvchat.voice.speech.SpeechRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** One voice socket: its conversation, the {@link Utterance} being recorded and the answer being streamed. */
class VoiceSession implements AnswerSink {

    private static final Logger log = LoggerFactory.getLogger(VoiceSession.class);

    private final WebSocketSession socket;
    private final String userId;
    private final VoiceConversation conversation;
    private final SpeechRecognizer recognizer;
    private final VoiceTurns turns;
    private final VoiceLimits limits;
    private final Executor executor;
    private final List<ChatTurn> history;
    private boolean needsTitle;
    private Utterance utterance;
    private String streamingAnswer;
    private volatile long lastActivityNanos = System.nanoTime();

    VoiceSession(WebSocketSession socket, String userId, VoiceConversation conversation, SpeechRecognizer recognizer,
                 VoiceTurns turns, VoiceLimits limits, Executor executor) {
        this.socket = socket;
        this.userId = userId;
        this.conversation = conversation;
        this.recognizer = recognizer;
        this.turns = turns;
        this.limits = limits;
        this.executor = executor;
        this.history = new ArrayList<>(conversation.history());
        this.needsTitle = !conversation.hasTitle() && conversation.history().isEmpty();
    }

    String conversationId() {
        return conversation.id();
    }

    synchronized void startTalking(ClientMessage.StartTalking start) {
        AudioFormat format = Utterance.format(start, recognizer);
        if (streamingAnswer != null) {
            String interrupted = streamingAnswer;
            streamingAnswer = null;
            if (turns.cancel(interrupted, "barge-in")) {
                send(ServerMessage.status("Answer interrupted"));
            }
        }
        if (utterance != null) {
            utterance.abort();
        }
        utterance = Utterance.start(format, recognizer, limits, text -> send(ServerMessage.partialTranscript(text)));
        send(ServerMessage.status(ServerMessage.LISTENING));
    }

    synchronized void audio(byte[] audio) {
        if (utterance == null) {
            throw new ClientMessage.BadMessage("Send start_talking before audio_chunk");
        }
        if (utterance.append(audio)) {
            send(ServerMessage.status("Speech detected"));
        }
    }

    synchronized void stopTalking() {
        if (utterance == null) {
            throw new ClientMessage.BadMessage("Not listening: send start_talking first");
        }
        Utterance finished = utterance;
        utterance = null;
        send(ServerMessage.status("Processing..."));
        finished.finish()
                .orTimeout(limits.maxUtterance().toMillis() + 30_000, TimeUnit.MILLISECONDS)
                .whenCompleteAsync((transcript, error) -> transcribed(finished, transcript, error), executor);
    }

    private void transcribed(Utterance finished, String transcript, Throwable error) {
        if (error != null) {
            log.warn("Recognition failed", error);
            send(ServerMessage.error("Speech recognition failed; please try again"));
            return;
        }
        send(ServerMessage.finalTranscript(transcript));
        if (transcript.isBlank()) {
            send(ServerMessage.status("No speech recognized; please try again"));
            return;
        }
        VoiceTurn turn;
        synchronized (this) {
            turn = new VoiceTurn(finished.id(), conversation.id(), userId, transcript, history, finished.millis(),
                    finished.format(), recognizer.name(), needsTitle);
            needsTitle = false;
            history.add(new ChatTurn(ChatTurn.USER, transcript));
        }
        try {
            String requestId = turns.submit(turn, this);
            synchronized (this) {
                streamingAnswer = requestId;
            }
        } catch (ApiException e) {
            send(ServerMessage.error(e.getMessage())); // a limit on model usage: the message says when to retry
        } catch (RuntimeException e) {
            log.warn("Could not submit the voice turn", e);
            send(ServerMessage.error("Your message could not be sent to the AI; please try again"));
        }
    }

    @Override
    public void answerPiece(String text) {
        send(ServerMessage.aiPiece(text));
    }

    @Override
    public void answerComplete(String userText, String text, Disclaimer disclaimer) {
        synchronized (this) {
            streamingAnswer = null;
            history.add(new ChatTurn(ChatTurn.MODEL, text));
        }
        send(ServerMessage.aiComplete(text, disclaimer));
    }

    @Override
    public void answerFailed(String message) {
        synchronized (this) {
            streamingAnswer = null;
        }
        send(ServerMessage.error(message));
    }

    @Override
    public void titleGenerated(String title) {
        send(ServerMessage.title(title));
    }

    synchronized void closed() {
        if (utterance != null) {
            utterance.abort();
            utterance = null;
        }
    }

    /** A message went either way: the socket is not idle. */
    void touch() {
        lastActivityNanos = System.nanoTime();
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    void send(ServerMessage message) {
        if (!socket.isOpen()) {
            return;
        }
        touch();
        try {
            socket.sendMessage(new TextMessage(message.toJson()));
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not send to a closing socket: {}", e.getMessage());
        }
    }

    void close(CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException e) {
            log.debug("Close failed: {}", e.getMessage());
        }
    }
}
