package com.cvchat.voice.speech;

import java.util.concurrent.CompletableFuture;

/** One utterance being recognised. */
public interface RecognitionStream {

    /** Adds audio in the stream's format. */
    void write(byte[] audio);

    /** No more audio: completes with the final transcript ("" when nothing was recognised). */
    CompletableFuture<String> finish();

    /** Drops the utterance (socket closed, barge-in): no final transcript is produced. */
    void abort();
}
