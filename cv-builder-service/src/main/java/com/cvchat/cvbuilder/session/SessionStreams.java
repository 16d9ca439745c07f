package com.cvchat.cvbuilder.session;

import com.cvchat.platform.web.ApiError;
import com.cvchat.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /chat/message} with {@code Accept: text/event-stream}: the assistant's words as {@code chunk} events
 * ({@code {"text": "..."}}) while the turn runs, then one {@code done} event carrying the usual JSON response, or one
 * {@code error} event {@code {"error": "..."}} (also for invalid input and unknown sessions, so the client reads one
 * format).
 */
@Component
class SessionStreams {

    private static final Logger log = LoggerFactory.getLogger(SessionStreams.class);

    private final SessionService sessions;
    private final SessionProperties properties;

    SessionStreams(SessionService sessions, SessionProperties properties) {
        this.sessions = sessions;
        this.properties = properties;
    }

    SseEmitter message(String userId, SessionRequests.Message request) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Thread.ofVirtual().name("cv-stream").start(() -> {
            try {
                SessionRequests.Message body = request.check();
                SessionResponses.Replied replied = sessions.message(userId, body.sessionId(), body.message(),
                        text -> send(emitter, "chunk", Map.of("text", text)));
                send(emitter, "done", replied);
                emitter.complete();
            } catch (ApiException e) {
                send(emitter, "error", new ApiError(e.getMessage()));
                emitter.complete();
            } catch (RuntimeException e) {
                log.error("Streamed CV turn failed", e);
                send(emitter, "error", new ApiError("Internal server error"));
                emitter.complete();
            }
        });
        return emitter;
    }

    private static void send(SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            log.debug("Client went away during a streamed CV turn: {}", e.getMessage());
        }
    }
}
