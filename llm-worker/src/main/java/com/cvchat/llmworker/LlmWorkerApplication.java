package com.cvchat.llmworker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Consumes llm.requests, calls the model, streams chunks to llm.responses; scales on its own. */
@SpringBootApplication
public class LlmWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LlmWorkerApplication.class, args);
    }
}
