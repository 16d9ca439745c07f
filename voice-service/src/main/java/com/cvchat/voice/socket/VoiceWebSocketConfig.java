package com.cvchat.voice.socket;

import com.cvchat.voice.conversation.ChatServiceClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** {@code WS /api/v1/chats/ws/voice/{chat_session_id}?token=<JWT>} */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(VoiceLimits.class)
class VoiceWebSocketConfig implements WebSocketConfigurer {

    static final String PATH = "/api/v1/chats/ws/voice/*";

    private final VoiceSocketHandler handler;
    private final ChatServiceClient chats;
    private final VoiceLimits limits;

    VoiceWebSocketConfig(VoiceSocketHandler handler, VoiceLimits limits, ChatServiceClient chats) {
        this.handler = handler;
        this.chats = chats;
        this.limits = limits;
    }

    /** Idle checks of every socket. */
    @Bean(destroyMethod = "shutdownNow")
    static ScheduledExecutorService voiceSocketTimers() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("voice-idle").daemon().factory());
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH)
                .addInterceptors(new VoiceHandshakeInterceptor(chats))
                .setAllowedOriginPatterns(limits.allowedOriginPatterns());
    }
}
