package com.cvchat.localhooks;

import java.util.List;

/**
 * What the hooks jar holds, for the launcher that writes it (local-stack's {@code ServiceHooks}). This class needs
 * nothing but the JDK: the launcher has neither Spring Boot nor the event types on its class path, so it must not load
 * the hook classes themselves, only read them as resources. {@code HooksJarTest} keeps the lists true.
 */
public final class HooksJar {

    /** The system property naming the launching process (see {@link LocalHooks}). */
    public static final String PARENT_PID = "cvchat.parent-pid";

    /** The class files of the hooks, as resource names. */
    public static final List<String> CLASS_FILES = List.of(
            "com/cvchat/localhooks/LocalHooks.class",
            "com/cvchat/localhooks/HaltAfterPublish.class");

    /** The jar's {@code META-INF/spring.factories}: how Spring Boot finds the hooks. */
    public static final String SPRING_FACTORIES =
            "org.springframework.boot.EnvironmentPostProcessor=com.cvchat.localhooks.LocalHooks\n";

    private HooksJar() {
    }
}
