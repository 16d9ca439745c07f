package com.cvchat.platform.userkeys;

import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.json.EventSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Crypto-shredding for every service, once a master key is configured ({@code USER_KEYS_MASTER_KEY} or
 * {@code USER_KEYS_MASTER_KEY_FILE}): the {@link UserKeyStore} on {@code user.keys}, and the Kafka producer and
 * consumer factories given the sealing serializer / opening deserializer, so services publish and consume
 * {@code conversation.events} exactly as before while the payloads on the wire are sealed per user.
 * Without a master key nothing is sealed (tests of single services that do not concern erasure).
 */
@AutoConfiguration(beforeName = "com.cvchat.platform.replay.ReplayAutoConfiguration")
@ConditionalOnClass(name = "org.apache.kafka.clients.producer.KafkaProducer")
@ConditionalOnExpression("'${platform.user-keys.master-key:}' != '' or '${platform.user-keys.master-key-file:}' != ''")
public class UserKeysAutoConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    UserKeyStore userKeyStore(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                              @Value("${platform.user-keys.master-key:}") String masterKey,
                              @Value("${platform.user-keys.master-key-file:}") String masterKeyFile,
                              @Value("${platform.kafka.replication-factor:1}") short replicationFactor,
                              ObjectProvider<UserErasedListener> listeners) {
        return new UserKeyStore(bootstrapServers, MasterKey.load(masterKey, masterKeyFile), replicationFactor,
                listeners.orderedStream().toList());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
    static class SealingKafkaConfiguration {

        @Bean
        @SuppressWarnings("unchecked")
        DefaultKafkaProducerFactoryCustomizer sealingSerializer(UserKeyStore keys) {
            return factory -> ((DefaultKafkaProducerFactory<Object, Object>) factory)
                    .setValueSerializer(raw(new EventSerializer(keys)));
        }

        @Bean
        @SuppressWarnings("unchecked")
        DefaultKafkaConsumerFactoryCustomizer openingDeserializer(UserKeyStore keys) {
            return factory -> ((DefaultKafkaConsumerFactory<Object, Object>) factory)
                    .setValueDeserializer(raw(new ErrorHandlingDeserializer<>(new EventDeserializer(keys))));
        }

        @SuppressWarnings("unchecked")
        private static <T> T raw(Object value) {
            return (T) value;
        }
    }
}
