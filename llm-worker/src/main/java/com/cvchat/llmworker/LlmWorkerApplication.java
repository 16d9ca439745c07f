package com.cvchat.llmworker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Consumes llm.requests, calls the model, streams chunks to the asking instance's reply partition; scales on its own. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LlmWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LlmWorkerApplication.class, args);
    }
}
