package com.cvchat.e2e;

import com.cvchat.localstack.ServiceSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client in a real browser: Debian's headless Chromium, driven by {@code playwright-core} from npm
 * ({@code e2e-tests/browser/web-client.test.mjs}), against the shared stack's gateway. The script's scenarios (each
 * Given / When / Then) log in, stream and stop chat answers, check that HTML from users and the model is shown as text
 * and Markdown is rendered, cut every connection mid-answer through a TCP relay ({@code browser/relay.mjs}) and reload
 * mid-answer, build a CV to 100 % with the template preview and download it, find it again in My documents after
 * signing out and in, talk by voice through Chromium's fake microphone fed with flite speech, and check a 390 × 844
 * phone screen; console errors and page errors fail it. One browser for every scenario (the relay's in a second
 * context). Screenshots go to {@code target/screenshots}.
 */
class BrowserE2eIT {

    private static final Path DIR = Path.of("browser").toAbsolutePath();
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    @Test
    void shouldPassEveryBrowserScenarioOfTheWebClient() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assertThat(Path.of(chromium)).as("Chromium is needed for the browser tests: apt-get install chromium (.ci/run does)").isExecutable();
        assertThat(Path.of("/usr/bin/flite")).as("flite is needed: apt-get install flite (.ci/run does)").isExecutable();
        assertThat(Path.of("/usr/bin/sox")).as("sox is needed: apt-get install sox (.ci/run does)").isExecutable();
        String gateway = E2eStack.url(ServiceSpec.GATEWAY);

        if (!Files.isDirectory(DIR.resolve("node_modules/playwright-core"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_TIMEOUT);
            assertThat(install.exitCode()).as("npm ci failed:%n%s", install.output()).isZero();
        }
        long started = System.nanoTime();
        Result result = run(List.of("node", "web-client.test.mjs"), Map.of(
                "GATEWAY_URL", gateway,
                "CHROMIUM", chromium,
                "SCREENSHOT_DIR", Path.of("target/screenshots").toAbsolutePath().toString()), RUN_TIMEOUT);
        System.out.printf("Browser scenarios: %d ms%n%s%n", (System.nanoTime() - started) / 1_000_000, result.output());
        assertThat(result.exitCode()).as("browser scenarios failed:%n%s", result.output()).isZero();
        assertThat(result.output()).contains("# fail 0").contains("# skipped 0").doesNotContain("# pass 0");
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs a command in {@code browser/}; output to a file (no pipe to fill up); killed after the timeout. */
    private static Result run(List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("browser-e2e", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(finished ? process.exitValue() : -1,
                finished ? output : output + "\n[timed out after " + timeout.toSeconds() + " s and was stopped]");
    }
}
