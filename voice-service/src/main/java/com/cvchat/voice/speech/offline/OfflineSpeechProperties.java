package com.cvchat.voice.speech.offline;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The offline provider: Debian's {@code libpocketsphinx3} in the process (streaming), or {@code pocketsphinx_continuous}
 * processes when the library cannot be loaded; the {@code pocketsphinx-en-us} model.
 *
 * @param library         the pocketsphinx shared library (name or path); {@code none} always uses the processes
 * @param sphinxbase      the sphinxbase shared library it needs
 * @param model           the model directory ({@code en-us/}, {@code en-us.lm.bin}, {@code cmudict-en-us.dict})
 * @param partialInterval library: least audio between two partial transcripts
 * @param idleDecoders    library: decoders kept loaded between utterances
 * @param maxDecoders     library: decoders at once (utterances beyond it fail with an error to the client)
 * @param secondPass      library: the decoder's second (flat-lexicon) pass at the end of an utterance: fewer word
 *                        errors, a longer wait for the final transcript
 * @param command         processes: the executable
 * @param partialEvery    processes: a partial transcript is computed each time this much new audio has arrived
 * @param timeout         processes: longest a single recognition may run after its input ended
 * @param workers         threads decoding (library) or running recognitions (processes) at once on this instance
 */
@ConfigurationProperties("voice.speech.offline")
public record OfflineSpeechProperties(String library, String sphinxbase, Path model, Duration partialInterval,
                                      Integer idleDecoders, Integer maxDecoders, Boolean secondPass, String command,
                                      Duration partialEvery, Duration timeout, Integer workers) {

    public static final String NO_LIBRARY = "none";

    public OfflineSpeechProperties {
        library = library == null ? "libpocketsphinx.so.3" : library;
        sphinxbase = sphinxbase == null ? "libsphinxbase.so.3" : sphinxbase;
        model = model == null ? Path.of("/usr/share/pocketsphinx/model/en-us") : model;
        partialInterval = partialInterval == null ? Duration.ofMillis(300) : partialInterval;
        command = command == null ? "pocketsphinx_continuous" : command;
        partialEvery = partialEvery == null ? Duration.ofMillis(1000) : partialEvery;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        workers = workers == null ? Math.max(2, Runtime.getRuntime().availableProcessors()) : workers;
        idleDecoders = idleDecoders == null ? workers : idleDecoders;
        maxDecoders = maxDecoders == null ? 4 * workers : maxDecoders;
        secondPass = secondPass == null || secondPass;
    }

    /** All defaults. */
    public static OfflineSpeechProperties defaults() {
        return new OfflineSpeechProperties(null, null, null, null, null, null, null, null, null, null, null);
    }

    public OfflineSpeechProperties withLibrary(String otherLibrary) {
        return new OfflineSpeechProperties(otherLibrary, sphinxbase, model, partialInterval, idleDecoders,
                maxDecoders, secondPass, command, partialEvery, timeout, workers);
    }

    public OfflineSpeechProperties withCommand(String otherCommand, Duration otherTimeout) {
        return new OfflineSpeechProperties(library, sphinxbase, model, partialInterval, idleDecoders,
                maxDecoders, secondPass, otherCommand, partialEvery, otherTimeout, workers);
    }
}
