package com.cvchat.localhooks;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hooks of a service launched by the local stack (or a test's stack), registered as an environment post-processor
 * by the {@code META-INF/spring.factories} of the hooks jar ({@link HooksJar}) the stack puts on the service's class
 * path. A service's own jar never contains them.
 * <ul>
 *   <li>{@code -Dcvchat.parent-pid=<pid>}: the service exits when that process dies without stopping its children
 *       (kill -9 of the local stack), so nothing is left behind.</li>
 *   <li>{@code platform.faults.halt-after-publish=<event type>} (env {@code PLATFORM_FAULTS_HALT_AFTER_PUBLISH}):
 *       every Kafka producer of the service gets {@link HaltAfterPublish} as interceptor.</li>
 * </ul>
 */
public class LocalHooks implements EnvironmentPostProcessor {

    /** The crash-test switch (an event type; blank: off). */
    public static final String HALT_AFTER_PUBLISH = "platform.faults.halt-after-publish";

    static final String SOURCE_NAME = "localHooks";

    private static final AtomicBoolean PARENT_WATCHED = new AtomicBoolean();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String parent = System.getProperty(HooksJar.PARENT_PID);
        if (parent != null && PARENT_WATCHED.compareAndSet(false, true)) {
            exitWith(Long.parseLong(parent.strip()));
        }
        String halt = environment.getProperty(HALT_AFTER_PUBLISH, "").strip();
        if (!halt.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, Map.of(
                    "spring.kafka.producer.properties.interceptor.classes", HaltAfterPublish.class.getName(),
                    "spring.kafka.producer.properties." + HaltAfterPublish.EVENT_TYPE_CONFIG, halt)));
        }
    }

    /** Exits this JVM (status 0) once process {@code pid} has ended; at once when it is already gone. */
    static void exitWith(long pid) {
        ProcessHandle.of(pid).ifPresentOrElse(
                handle -> handle.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
    }
}
