package com.cvchat.platform.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * MongoDB health by {@code ping}, which both MongoDB and the embedded store answer (Spring Boot's own indicator
 * sends {@code hello}, which the embedded store does not know). Replaces Boot's indicator by bean name.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass({MongoClient.class, HealthIndicator.class})
public class MongoPingHealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(MongoClient.class)
    HealthIndicator mongoHealthIndicator(MongoClient mongo) {
        return () -> {
            try {
                Document result = mongo.getDatabase("admin").runCommand(new Document("ping", 1));
                Object ok = result.get("ok");
                return ok instanceof Number number && number.intValue() == 1
                        ? Health.up().build()
                        : Health.down().withDetail("ping", result.toJson()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
