package com.cvchat.localstack;

/** The services the local stack runs, each as its own process, with its default port and database. */
public enum ServiceSpec {
    AUTH("auth-service", "AUTH_PORT", 8081, "auth"),
    CHAT("chat-service", "CHAT_PORT", 8082, "chat"),
    CV_BUILDER("cv-builder-service", "CV_BUILDER_PORT", 8083, "cv"),
    VOICE("voice-service", "VOICE_PORT", 8084, "voice"),
    LLM_WORKER("llm-worker", "LLM_WORKER_PORT", 8085, null),
    GATEWAY("gateway-service", "GATEWAY_PORT", 3000, null);

    private final String module;
    private final String portVariable;
    private final int defaultPort;
    private final String database;

    ServiceSpec(String module, String portVariable, int defaultPort, String database) {
        this.module = module;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public String portVariable() {
        return portVariable;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The service's own MongoDB database, or null when it keeps no state. */
    public String database() {
        return database;
    }

    /** The environment variable that tells other services where this one is, e.g. {@code CHAT_SERVICE_URL}. */
    public String urlVariable() {
        return name() + "_SERVICE_URL";
    }
}
