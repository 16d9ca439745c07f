package com.cvchat.voice.socket;

import com.cvchat.voice.speech.AudioFormat;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

class VoiceActivityTest {

    static byte[] tone(int amplitude, int samples) {
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) (amplitude * Math.sin(2 * Math.PI * 440 * i / 16000.0)));
        }
        return pcm.array();
    }

    @Test
    void shouldReportSpeechOnceWhenTheLevelRises() {
        VoiceActivity activity = new VoiceActivity(AudioFormat.DEFAULT);
        assertThat(activity.speechStarted(new byte[3200])).as("silence").isFalse();
        assertThat(activity.speechStarted(tone(200, 1600))).as("room noise").isFalse();
        assertThat(activity.speechStarted(tone(4000, 1600))).as("speech").isTrue();
        assertThat(activity.speechStarted(tone(4000, 1600))).as("only once").isFalse();
    }

    @Test
    void shouldNotInspectCompressedAudio() {
        VoiceActivity activity = new VoiceActivity(new AudioFormat(AudioFormat.WEBM_OPUS, 48000));
        assertThat(activity.speechStarted(tone(20000, 1600))).isFalse();
    }
}
