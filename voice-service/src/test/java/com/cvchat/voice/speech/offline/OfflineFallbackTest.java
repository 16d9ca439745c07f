package com.cvchat.voice.speech.offline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cvchat.platform.test.voice.SpeechSamples;
import com.cvchat.voice.speech.AudioFormat;
import com.cvchat.voice.speech.RecognitionStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Without the library, the offline provider still recognises speech, with pocketsphinx_continuous processes. */
class OfflineFallbackTest {

    @Test
    void shouldRecogniseWithProcessesWhenTheLibraryCannotBeLoaded() throws Exception {
        byte[] speech = SpeechSamples.pcm(StreamingRecognitionTest.THREE_SECONDS);
        Logger logger = (Logger) LoggerFactory.getLogger(OfflineSpeechRecognizer.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (OfflineSpeechRecognizer recognizer = new OfflineSpeechRecognizer(
                OfflineSpeechProperties.defaults().withLibrary("libpocketsphinx-missing.so.3"), workers)) {
            String transcript = recognise(recognizer, speech);

            assertThat(recognizer.streaming()).isFalse();
            assertThat(SpeechSamples.wordErrors(StreamingRecognitionTest.THREE_SECONDS, transcript)).as(transcript)
                    .isLessThanOrEqualTo(1);
            assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
                    .extracting(ILoggingEvent::getFormattedMessage).asString()
                    .contains("libpocketsphinx-missing.so.3", "pocketsphinx_continuous processes");
        } finally {
            logger.detachAppender(log);
            workers.shutdownNow();
        }
    }

    private static String recognise(OfflineSpeechRecognizer recognizer, byte[] speech) throws Exception {
        RecognitionStream stream = recognizer.start(AudioFormat.DEFAULT, text -> { });
        SpeechSamples.chunks100ms(speech).forEach(stream::write);
        return stream.finish().get(60, TimeUnit.SECONDS);
    }
}
