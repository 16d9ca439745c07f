package com.cvchat.e2e;

import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.localstack.StackConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

/**
 * The whole stack, started once per test JVM on free ports with a fresh data folder, stopped at JVM exit.
 * Services run from the jars that {@code ./mvnw verify} packaged before this module's integration tests.
 * Settings every e2e test relies on go in {@link #ENV} (for instance a fast offline model pace). Two llm-worker
 * instances run, sharing {@code llm.requests} ({@code WorkerSharingE2eIT}).
 */
public final class E2eStack {

    /** The service-to-service secret of the stack (known here so that the secrets scan can look for it). */
    private static final String INTERNAL_API_TOKEN = "e2e-internal-" + java.util.UUID.randomUUID();

    /** Environment of every service process in the e2e stack. */
    static final Map<String, String> ENV = Map.of(
            "LLM_PROVIDER", "offline",
            "LLM_OFFLINE_WORD_DELAY", "PT0.005S",
            "INTERNAL_API_TOKEN", INTERNAL_API_TOKEN);

    /** Timeout of every plain HTTP call of a test: a request nobody answers fails the test instead of blocking it. */
    public static final java.time.Duration CALL_TIMEOUT = java.time.Duration.ofSeconds(30);

    private static LocalStack stack;
    /** Why the one start attempt failed: later test classes fail at once instead of waiting for another start. */
    private static RuntimeException startFailure;

    private E2eStack() {
    }

    public static synchronized LocalStack get() {
        if (startFailure != null) {
            throw new IllegalStateException("The e2e stack did not start: " + startFailure.getMessage(), startFailure);
        }
        if (stack == null) {
            try {
                Path home = Path.of("..").toAbsolutePath().normalize();
                Path data = Files.createTempDirectory("cvchat-e2e");
                LocalStack started = LocalStack.create(StackConfig.forTests(home, data, ENV));
                Runtime.getRuntime().addShutdownHook(new Thread(started::close));
                try {
                    started.startInfrastructure();
                    started.startServices(EnumSet.allOf(ServiceSpec.class));
                    // a second llm-worker: requests are shared between two instances, as in production
                    started.startInstance(ServiceSpec.LLM_WORKER, "llm-worker-2", Map.of());
                } catch (RuntimeException e) {
                    started.close(); // a stack that did not come up must not keep running
                    startFailure = e;
                    throw e;
                }
                stack = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    /** {@code http://localhost:<gateway port>/api/v1} */
    public static String api() {
        return get().config().url(ServiceSpec.GATEWAY) + "/api/v1";
    }

    public static String internalApiToken() {
        return INTERNAL_API_TOKEN;
    }

    public static String url(ServiceSpec spec) {
        return get().config().url(spec);
    }
}
