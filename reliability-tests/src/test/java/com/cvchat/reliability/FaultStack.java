package com.cvchat.reliability;

import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.localstack.StackConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A whole stack of its own for one test class (never the shared e2e stack): free ports, a fresh data folder, the
 * offline model at a slow pace so a fault lands mid-answer. Its processes may be killed and restarted at will.
 */
final class FaultStack implements AutoCloseable {

    /** Environment of every service process: offline model, ~70 ms per word, so an answer streams for seconds. */
    static final Map<String, String> ENV = Map.of(
            "LLM_PROVIDER", "offline",
            "LLM_OFFLINE_WORD_DELAY", "PT0.07S");

    private final LocalStack stack;

    private FaultStack(LocalStack stack) {
        this.stack = stack;
    }

    /** Every service. */
    static FaultStack start() {
        return start(EnumSet.allOf(ServiceSpec.class));
    }

    /** Only {@code services} (fewer processes start faster). */
    static FaultStack start(Set<ServiceSpec> services) {
        try {
            Path home = Path.of("..").toAbsolutePath().normalize();
            Path data = Files.createTempDirectory("cvchat-reliability");
            LocalStack stack = LocalStack.create(StackConfig.forTests(home, data, ENV));
            try {
                stack.startInfrastructure();
                stack.startServices(services);
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
            return new FaultStack(stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LocalStack stack() {
        return stack;
    }

    /** {@code http://localhost:<gateway>/api/v1} */
    String api() {
        return stack.config().url(ServiceSpec.GATEWAY) + "/api/v1";
    }

    @Override
    public void close() {
        stack.close();
    }
}
