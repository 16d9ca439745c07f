package com.cvchat.voice.speech.offline;

import com.cvchat.voice.speech.SpeechRecognitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The process path (the fallback) with a stand-in command, so that its failures can be provoked. */
class PocketsphinxTest {

    @TempDir
    Path dir;

    @Test
    void shouldStopAHungRecognitionAfterTheTimeout() throws IOException {
        Path hung = script("hung-recognizer", "exec sleep 60");
        Pocketsphinx pocketsphinx = new Pocketsphinx(
                OfflineSpeechProperties.defaults().withCommand(hung.toString(), Duration.ofMillis(300)));
        AtomicReference<Process> started = new AtomicReference<>();
        try {
            CompletableFuture<String> result = CompletableFuture.supplyAsync(
                    () -> pocketsphinx.recognize(new byte[3200], started::set));

            await().atMost(Duration.ofSeconds(10)).until(result::isDone);
            assertThatThrownBy(result::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(SpeechRecognitionException.class).hasMessage("Speech recognition took too long");
            await().atMost(Duration.ofSeconds(5)).until(() -> !started.get().isAlive());
        } finally {
            if (started.get() != null) {
                started.get().destroyForcibly();
            }
        }
    }

    @Test
    void shouldReturnTheWordsTheRecognizerPrinted() throws IOException {
        Path echo = script("echo-recognizer", "echo '  hello   there '");
        Pocketsphinx pocketsphinx = new Pocketsphinx(
                OfflineSpeechProperties.defaults().withCommand(echo.toString(), Duration.ofSeconds(10)));

        assertThat(pocketsphinx.recognize(new byte[3200], process -> { })).isEqualTo("hello there");
    }

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }
}
