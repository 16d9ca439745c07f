package com.cvchat.voice.speech.offline;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Debian's {@code libpocketsphinx3} (pocketsphinx 5prealpha, with {@code libsphinxbase3}) through the Foreign Function
 * and Memory API: the calls a streaming decoder needs and nothing more. Loaded once; {@link #load} fails with
 * {@link IllegalStateException} when the libraries or the model cannot be found.
 */
final class PocketsphinxLibrary {

    private static final Linker LINKER = Linker.nativeLinker();

    private final Path model;
    private final MethodHandle psArgs;
    private final MethodHandle cmdLnParse;
    private final MethodHandle cmdLnFree;
    private final MethodHandle psInit;
    private final MethodHandle psFree;
    private final MethodHandle startUtt;
    private final MethodHandle processRaw;
    private final MethodHandle getHyp;
    private final MethodHandle endUtt;

    private PocketsphinxLibrary(SymbolLookup sphinxbase, SymbolLookup pocketsphinx, Path model) {
        this.model = model;
        psArgs = handle(pocketsphinx, "ps_args", FunctionDescriptor.of(ADDRESS));
        cmdLnParse = handle(sphinxbase, "cmd_ln_parse_r",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
        cmdLnFree = handle(sphinxbase, "cmd_ln_free_r", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        psInit = handle(pocketsphinx, "ps_init", FunctionDescriptor.of(ADDRESS, ADDRESS));
        psFree = handle(pocketsphinx, "ps_free", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        startUtt = handle(pocketsphinx, "ps_start_utt", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        processRaw = handle(pocketsphinx, "ps_process_raw",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT));
        getHyp = handle(pocketsphinx, "ps_get_hyp", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        endUtt = handle(pocketsphinx, "ps_end_utt", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        MethodHandle setLogFile = handle(sphinxbase, "err_set_logfp", FunctionDescriptor.ofVoid(ADDRESS));
        try {
            setLogFile.invokeExact(MemorySegment.NULL); // the library's own log goes nowhere (it is global state)
        } catch (Throwable e) {
            throw new IllegalStateException("err_set_logfp failed", e);
        }
    }

    /**
     * Loads {@code library} (and the {@code sphinxbase} library it needs) by name or path, with the model directory
     * of {@code pocketsphinx-en-us}. The libraries stay loaded for the life of the JVM.
     */
    static PocketsphinxLibrary load(String sphinxbase, String library, Path model) {
        for (Path file : List.of(model.resolve("en-us"), model.resolve("en-us.lm.bin"),
                model.resolve("cmudict-en-us.dict"))) {
            if (!Files.exists(file)) {
                throw new IllegalStateException("the pocketsphinx model is missing (" + file + ")");
            }
        }
        try {
            return new PocketsphinxLibrary(SymbolLookup.libraryLookup(sphinxbase, Arena.global()),
                    SymbolLookup.libraryLookup(library, Arena.global()), model);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot load " + library + " / " + sphinxbase + ": " + e.getMessage(), e);
        }
    }

    private static MethodHandle handle(SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = lookup.find(name)
                .orElseThrow(() -> new IllegalStateException("symbol " + name + " not found"));
        return LINKER.downcallHandle(symbol, descriptor);
    }

    /** A new decoder with the US English model ({@code ps_init}); free it with {@link #free}. */
    MemorySegment newDecoder(List<String> options) {
        try (Arena arena = Arena.ofConfined()) {
            List<String> args = new java.util.ArrayList<>(List.of("-hmm", model.resolve("en-us").toString(),
                    "-lm", model.resolve("en-us.lm.bin").toString(),
                    "-dict", model.resolve("cmudict-en-us.dict").toString()));
            args.addAll(options);
            MemorySegment argv = arena.allocate(ADDRESS, args.size());
            for (int i = 0; i < args.size(); i++) {
                argv.setAtIndex(ADDRESS, i, arena.allocateFrom(args.get(i)));
            }
            MemorySegment config = (MemorySegment) cmdLnParse.invokeExact(MemorySegment.NULL,
                    (MemorySegment) psArgs.invokeExact(), args.size(), argv, 1);
            if (config.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("the decoder configuration was refused");
            }
            MemorySegment decoder = (MemorySegment) psInit.invokeExact(config);
            int ignored = (int) cmdLnFree.invokeExact(config); // the decoder keeps its own reference
            if (decoder.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("ps_init failed");
            }
            return decoder;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    void free(MemorySegment decoder) {
        call(() -> (int) psFree.invokeExact(decoder), "ps_free");
    }

    void startUtterance(MemorySegment decoder) {
        check(call(() -> (int) startUtt.invokeExact(decoder), "ps_start_utt"), "ps_start_utt");
    }

    /** Decodes {@code samples} 16-bit samples at {@code pcm}. */
    void process(MemorySegment decoder, MemorySegment pcm, long samples) {
        check(call(() -> (int) processRaw.invokeExact(decoder, pcm, samples, 0, 0), "ps_process_raw"),
                "ps_process_raw");
    }

    void endUtterance(MemorySegment decoder) {
        check(call(() -> (int) endUtt.invokeExact(decoder), "ps_end_utt"), "ps_end_utt");
    }

    /** The decoder's best hypothesis so far (during an utterance) or final (after it): words separated by spaces. */
    String hypothesis(MemorySegment decoder, MemorySegment scoreSlot) {
        try {
            MemorySegment text = (MemorySegment) getHyp.invokeExact(decoder, scoreSlot);
            return text.equals(MemorySegment.NULL) ? "" : text.reinterpret(Integer.MAX_VALUE).getString(0).strip();
        } catch (Throwable e) {
            throw new IllegalStateException("ps_get_hyp failed", e);
        }
    }

    private interface IntCall {
        int invoke() throws Throwable;
    }

    private static int call(IntCall call, String name) {
        try {
            return call.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException(name + " failed", e);
        }
    }

    private static void check(int result, String name) {
        if (result < 0) {
            throw new IllegalStateException(name + " returned " + result);
        }
    }
}
