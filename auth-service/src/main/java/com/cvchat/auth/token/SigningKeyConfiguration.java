package com.cvchat.auth.token;

import com.cvchat.auth.AuthProperties;
import com.cvchat.platform.security.PlatformSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;

/** The signing keys of this instance, checked hourly for rotation and retirement. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    @Bean
    SigningKeys signingKeys(AuthProperties auth, PlatformSecurityProperties security, Clock clock) {
        return new SigningKeys(auth.keyDir(), auth.generateKeys(), auth.rotateAfter(),
                auth.accessTokenTtl().plus(security.clockSkew()), clock);
    }

    @Bean
    KeyRotationSchedule keyRotationSchedule(SigningKeys keys) {
        return new KeyRotationSchedule(keys);
    }

    record KeyRotationSchedule(SigningKeys keys) {
        @Scheduled(fixedDelayString = "${auth.key-check-interval:PT1H}", initialDelayString = "${auth.key-check-interval:PT1H}")
        void check() {
            keys.refresh();
        }
    }
}
