package com.cvchat.cvbuilder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The conversational CV and cover-letter builder of cv-chat-api.md, and documents. */
@SpringBootApplication
public class CvBuilderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CvBuilderServiceApplication.class, args);
    }
}
