package com.cvchat.voice.socket;

import com.cvchat.voice.answer.VoiceTurns;
import com.cvchat.voice.conversation.VoiceConversation;
import com.cvchat.voice.speech.SpeechRecognizer;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The voice WebSocket: dispatches client messages to the socket's {@link VoiceSession}. Bad input gets an
 * {@code error} and the socket stays open; flooding closes it (1008); a socket with no message either way for the
 * idle timeout is closed (1000) after an {@code error} saying why.
 */
@Component
class VoiceSocketHandler extends TextWebSocketHandler {

    static final CloseStatus FLOODING = CloseStatus.POLICY_VIOLATION.withReason("Too many messages");
    static final CloseStatus IDLE = CloseStatus.NORMAL.withReason("Idle timeout");

    private final SpeechRecognizer recognizer;
    private final VoiceTurns turns;
    private final VoiceLimits limits;
    private final ScheduledExecutorService timers;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    /** A socket's session, its flood guard and its idle timer. */
    private static final class Connection {
        final VoiceSession session;
        final FloodGuard guard;
        ScheduledFuture<?> idleCheck;

        Connection(VoiceSession session, FloodGuard guard) {
            this.session = session;
            this.guard = guard;
        }
    }

    VoiceSocketHandler(SpeechRecognizer recognizer, VoiceTurns turns, VoiceLimits limits,
                       ScheduledExecutorService timers) {
        this.recognizer = recognizer;
        this.turns = turns;
        this.limits = limits;
        this.timers = timers;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        WebSocketSession socket = new ConcurrentWebSocketSessionDecorator(raw, 10_000, limits.maxMessageBytes() * 4);
        VoiceSession session = new VoiceSession(socket, (String) raw.getAttributes().get(VoiceHandshakeInterceptor.USER_ID),
                (VoiceConversation) raw.getAttributes().get(VoiceHandshakeInterceptor.CONVERSATION),
                recognizer, turns, limits, executor);
        Connection connection = new Connection(session, new FloodGuard(limits.messagesPerSecond(),
                limits.messageBurst(), System.nanoTime()));
        connections.put(raw.getId(), connection);
        long checkMillis = Math.max(100, limits.idleTimeout().toMillis() / 4);
        connection.idleCheck = timers.scheduleAtFixedRate(() -> closeIfIdle(connection), checkMillis, checkMillis,
                TimeUnit.MILLISECONDS);
        session.send(ServerMessage.connected(session.conversationId()));
    }

    private void closeIfIdle(Connection connection) {
        if (System.nanoTime() - connection.session.lastActivityNanos() >= limits.idleTimeout().toNanos()) {
            connection.session.send(ServerMessage.error("Closing: no message for "
                    + limits.idleTimeout().toSeconds() + " s (send ping to keep the socket open)"));
            connection.session.close(IDLE);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        Connection connection = connections.get(raw.getId());
        if (connection == null) {
            return;
        }
        connection.session.touch();
        if (!connection.guard.allow(System.nanoTime())) {
            connection.session.send(ServerMessage.error("Too many messages; closing the socket"));
            connection.session.close(FLOODING);
            return;
        }
        VoiceSession session = connection.session;
        try {
            switch (ClientMessage.parse(message.getPayload(), limits.maxChunkBytes())) {
                case ClientMessage.StartTalking start -> session.startTalking(start);
                case ClientMessage.AudioChunk chunk -> session.audio(chunk.audio());
                case ClientMessage.StopTalking ignored -> session.stopTalking();
                case ClientMessage.Ping ping -> session.send(ServerMessage.pong(ping.timestamp()));
            }
        } catch (ClientMessage.BadMessage e) {
            session.send(ServerMessage.error(e.getMessage()));
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession raw, org.springframework.web.socket.BinaryMessage message) {
        Connection connection = connections.get(raw.getId());
        if (connection != null) {
            connection.session.touch();
            connection.session.send(ServerMessage.error(
                    "Binary frames are not accepted: send audio as {\"type\":\"audio_chunk\",\"data\":\"<base64>\"}"));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        Connection connection = connections.remove(raw.getId());
        if (connection != null) {
            connection.idleCheck.cancel(false);
            connection.session.closed();
        }
    }

    int openSockets() {
        return connections.size();
    }
}
