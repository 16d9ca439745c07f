package com.cvchat.platform.mongo;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Fail fast when the store is down: the driver waits {@code platform.mongo.server-selection-timeout} (3 s, instead of
 * the driver's 30 s) for a reachable server and {@code platform.mongo.connect-timeout} (3 s) for a connection, so a
 * request gets a 503 quickly instead of hanging; reads and writes themselves are bounded by
 * {@code platform.mongo.socket-timeout} (30 s, the driver has none).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass({MongoClient.class, MongoClientSettingsBuilderCustomizer.class})
public class MongoTimeoutsAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer platformMongoTimeouts(
            @Value("${platform.mongo.server-selection-timeout:3s}") Duration serverSelection,
            @Value("${platform.mongo.connect-timeout:3s}") Duration connect,
            @Value("${platform.mongo.socket-timeout:30s}") Duration socket) {
        return settings -> settings
                .applyToClusterSettings(c -> c.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) connect.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) socket.toMillis(), TimeUnit.MILLISECONDS));
    }
}
