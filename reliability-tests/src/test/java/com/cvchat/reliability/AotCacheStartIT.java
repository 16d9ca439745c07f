package com.cvchat.reliability;

import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceProcess;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.localstack.StackConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack starts a service from the AOT cache of its jar (made by a training run on first use), and a service
 * still starts when that cache is gone or damaged. A copy of llm-worker's packaged jar in a home folder of this test,
 * so the cache written and damaged here is not the one every other stack uses.
 */
class AotCacheStartIT {

    private static final ServiceSpec WORKER = ServiceSpec.LLM_WORKER;

    @TempDir
    Path home;

    @Test
    void aServiceStartsFromItsAotCacheAndStillStartsWhenTheCacheIsGoneOrDamaged() throws IOException {
        try (LocalStack stack = stackWithACopyOfTheJar()) {
            startWithAndWithoutTheCache(stack);
        }
    }

    private LocalStack stackWithACopyOfTheJar() throws IOException {
        Path jar = Path.of("..").toAbsolutePath().normalize()
                .resolve(WORKER.module()).resolve("target").resolve(WORKER.module() + ".jar");
        Path copy = home.resolve(WORKER.module()).resolve("target").resolve(jar.getFileName());
        Files.createDirectories(copy.getParent());
        Files.copy(jar, copy);
        LocalStack stack = LocalStack.create(StackConfig.forTests(home, home.resolve("data"), FaultStack.ENV));
        try {
            stack.startInfrastructure();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private static void startWithAndWithoutTheCache(LocalStack stack) throws IOException {
        Path cache = stack.aotCache(WORKER);
        assertThat(cache).doesNotExist();

        // Given no cache yet, when the service is started, then a training run makes one and the service runs on it
        stack.startServices(Set.of(WORKER));
        ServiceProcess worker = stack.instance(WORKER);
        assertThat(cache).isRegularFile();
        assertThat(Files.size(cache)).isPositive();
        assertThat(arguments(worker)).contains("-XX:AOTCache=" + cache);
        assertThat(worker.healthy()).isTrue();
        assertThat(Files.readString(worker.log())).doesNotContain("[aot]");

        // Given a damaged cache, when it is started again, then the JVM refuses the cache (a few log lines) and runs on
        Files.write(cache, "not an AOT cache".getBytes());
        worker = stack.restart(worker, Map.of());
        assertThat(arguments(worker)).contains("-XX:AOTCache=" + cache);
        assertThat(worker.healthy()).isTrue();
        assertThat(Files.readString(worker.log())).containsPattern("\\[error *\\]\\[aot\\]");

        // Given no cache at all (and no training: a restart), then it starts with the dynamic class-data archive
        Files.delete(cache);
        worker = stack.restart(worker, Map.of());
        assertThat(arguments(worker)).noneMatch(a -> a.startsWith("-XX:AOTCache"))
                .contains("-XX:+AutoCreateSharedArchive");
        assertThat(worker.healthy()).isTrue();
    }

    private static List<String> arguments(ServiceProcess service) {
        return ProcessHandle.of(service.pid()).flatMap(p -> p.info().arguments()).map(List::of).orElseThrow();
    }
}
