package com.cvchat.localstack;

import com.cvchat.localhooks.HooksJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ServiceHooksTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSameHooksJarWithTheSameTimeStampInEveryFolder() throws IOException {
        Path first = ServiceHooks.writeInto(dir.resolve("a"));
        Path second = ServiceHooks.writeInto(dir.resolve("b"));

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(Files.getLastModifiedTime(second))
                .isEqualTo(ServiceHooks.builtAt());
        try (JarFile jar = new JarFile(first.toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(
                    concat(HooksJar.CLASS_FILES, "META-INF/spring.factories"));
            assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/spring.factories")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo(HooksJar.SPRING_FACTORIES);
        }
    }

    @Test
    void shouldExitASpringApplicationWhenTheProcessThatLaunchedItDies() throws IOException {
        // Given a launcher process, and a Spring Boot application started with the hooks jar and the launcher's pid
        Process launcher = new ProcessBuilder(ServiceCommand.javaCommand(), "-cp", testClassPath(),
                Idle.class.getName()).start();
        Path hooks = ServiceHooks.writeInto(dir);
        Process service = new ProcessBuilder(ServiceCommand.javaCommand(),
                "-D" + HooksJar.PARENT_PID + "=" + launcher.pid(),
                "-cp", hooks + File.pathSeparator + testClassPath(), Application.class.getName())
                .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dir.resolve("service.log"))
                    .contains(Application.STARTED));
            assertThat(service.isAlive()).isTrue();
            // When the launcher is killed (no chance to stop its children)
            launcher.destroyForcibly();
            // Then the application exits by itself
            await().atMost(Duration.ofSeconds(10)).until(() -> !service.isAlive());
            assertThat(service.exitValue()).isZero();
        } finally {
            service.destroyForcibly();
            launcher.destroyForcibly();
        }
    }

    private static String testClassPath() {
        return System.getProperty("java.class.path");
    }

    private static List<String> concat(List<String> list, String element) {
        List<String> all = new ArrayList<>(list);
        all.add(element);
        return all;
    }

    /** A launcher that waits until it is killed. */
    public static final class Idle {
        public static void main(String[] args) throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }

    /** A Spring Boot application (no web server) that runs until its JVM exits. */
    public static final class Application {
        static final String STARTED = "application started";

        public static void main(String[] args) throws InterruptedException {
            SpringApplication application = new SpringApplication(Application.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.run(args);
            System.out.println(STARTED);
            new CountDownLatch(1).await();
        }
    }
}
