package com.cvchat.localhooks;

import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HooksJarTest {

    @Test
    void shouldListEveryClassOfTheHooksExceptItself() throws IOException, URISyntaxException {
        Path classes = Path.of(LocalHooks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            assertThat(files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .filter(name -> !name.equals(resource(HooksJar.class))))
                    .containsExactlyInAnyOrderElementsOf(HooksJar.CLASS_FILES);
        }
        assertThat(HooksJar.CLASS_FILES).contains(resource(LocalHooks.class), resource(HaltAfterPublish.class));
    }

    @Test
    void shouldRegisterLocalHooksAsEnvironmentPostProcessor() {
        assertThat(HooksJar.SPRING_FACTORIES).isEqualTo(
                EnvironmentPostProcessor.class.getName() + "=" + LocalHooks.class.getName() + "\n");
    }

    private static String resource(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }
}
