package com.cvchat.voice.socket;

import com.cvchat.platform.web.ApiError;
import com.cvchat.voice.conversation.ChatServiceClient;
import com.cvchat.voice.conversation.ChatServiceUnavailableException;
import com.cvchat.voice.conversation.VoiceConversation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Before the upgrade: the token was already checked by the security filter (a missing, bad or expired token never
 * gets here: 401 {@code {"error":"Invalid or expired token"}}); this resolves {@code chat_session_id} to one of the
 * user's conversations, or creates one, through chat-service.
 */
class VoiceHandshakeInterceptor implements HandshakeInterceptor {

    static final String USER_ID = "voice.userId";
    static final String CONVERSATION = "voice.conversation";
    private static final Logger log = LoggerFactory.getLogger(VoiceHandshakeInterceptor.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChatServiceClient chats;

    VoiceHandshakeInterceptor(ChatServiceClient chats) {
        this.chats = chats;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        if (!(request.getPrincipal() instanceof JwtAuthenticationToken auth)) {
            reject(response, HttpStatus.UNAUTHORIZED, "Invalid or expired token");
            return false;
        }
        String path = request.getURI().getRawPath();
        String chatSessionId = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        try {
            VoiceConversation conversation = chats.resolve(chatSessionId, auth.getToken().getTokenValue());
            attributes.put(USER_ID, auth.getToken().getSubject());
            attributes.put(CONVERSATION, conversation);
            return true;
        } catch (ChatServiceUnavailableException e) {
            log.warn("Voice socket refused: {}", e.getMessage());
            reject(response, HttpStatus.SERVICE_UNAVAILABLE, "Conversations are unavailable right now; try again shortly");
            return false;
        }
    }

    private static void reject(ServerHttpResponse response, HttpStatus status, String message) throws IOException {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write(JSON.writeValueAsBytes(new ApiError(message)));
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to do
    }
}
