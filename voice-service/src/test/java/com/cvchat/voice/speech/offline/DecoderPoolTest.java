package com.cvchat.voice.speech.offline;

import com.cvchat.voice.speech.SpeechRecognitionException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool of real decoders: reuse, the limit on decoders at once, and freeing. */
class DecoderPoolTest {

    @Test
    void shouldReuseDecodersRefuseOneBeyondTheLimitAndFreeThemOnClose() {
        DecoderPool pool = new DecoderPool(StreamingRecognitionTest.library(), 1, 1, List.of());
        NativeDecoder first = pool.take();

        assertThatThrownBy(pool::take).isInstanceOf(SpeechRecognitionException.class)
                .hasMessage("All 1 speech decoders are in use");
        pool.give(first);
        assertThat(pool.take()).isSameAs(first);
        pool.give(first);
        assertThat(pool.live()).isEqualTo(1);
        assertThat(pool.idle()).isEqualTo(1);

        pool.close();
        assertThat(pool.live()).isZero();
        assertThat(pool.idle()).isZero();
        assertThatThrownBy(pool::take).isInstanceOf(IllegalStateException.class);
    }
}
