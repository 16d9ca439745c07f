package com.cvchat.voice.socket;

import com.cvchat.voice.speech.AudioFormat;

/**
 * A simple energy detector on LINEAR16 audio: speech has started once a 20 ms window's RMS level passes a threshold.
 * Reports the start once per utterance. Compressed audio is not inspected (the first partial transcript shows speech).
 */
final class VoiceActivity {

    static final double THRESHOLD_RMS = 500; // of 32767: quiet speech is well above, room noise below

    private final AudioFormat format;
    private boolean started;

    VoiceActivity(AudioFormat format) {
        this.format = format;
    }

    /** True exactly once: on the chunk where speech begins. */
    boolean speechStarted(byte[] audio) {
        if (started || !format.isPcm()) {
            return false;
        }
        int window = Math.max(2, format.sampleRateHz() / 50) * 2;
        for (int offset = 0; offset + 1 < audio.length; offset += window) {
            int end = Math.min(audio.length - 1, offset + window);
            double sum = 0;
            int samples = 0;
            for (int i = offset; i + 1 <= end; i += 2) {
                short sample = (short) ((audio[i] & 0xff) | (audio[i + 1] << 8));
                sum += (double) sample * sample;
                samples++;
            }
            if (samples > 0 && Math.sqrt(sum / samples) >= THRESHOLD_RMS) {
                started = true;
                return true;
            }
        }
        return false;
    }
}
