package com.cvchat.voice.speech;

/**
 * The audio of one utterance.
 *
 * @param encoding     {@code LINEAR16} (16-bit little-endian signed PCM, mono) or {@code WEBM_OPUS}
 * @param sampleRateHz samples per second
 */
public record AudioFormat(String encoding, int sampleRateHz) {

    public static final String LINEAR16 = "LINEAR16";
    public static final String WEBM_OPUS = "WEBM_OPUS";
    public static final AudioFormat DEFAULT = new AudioFormat(LINEAR16, 16_000);

    public boolean isPcm() {
        return LINEAR16.equals(encoding);
    }

    /** Milliseconds of audio in {@code bytes} of PCM; 0 for compressed formats (unknown without decoding). */
    public long millisOf(long bytes) {
        return isPcm() ? bytes * 1000 / (2L * sampleRateHz) : 0;
    }
}
