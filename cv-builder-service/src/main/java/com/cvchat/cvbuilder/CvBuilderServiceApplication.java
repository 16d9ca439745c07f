package com.cvchat.cvbuilder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The conversational CV and cover-letter builder of cv-chat-api.md, and documents. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CvBuilderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CvBuilderServiceApplication.class, args);
    }

    /** The time source of sessions (expiry, timestamps); tests replace it with a controllable clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
