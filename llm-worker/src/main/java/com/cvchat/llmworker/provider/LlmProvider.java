package com.cvchat.llmworker.provider;

/**
 * A model behind one interface. Implementations stream text to {@link GenerationCall#sink()}, stop promptly when
 * {@link GenerationCall#cancellation()} fires, and report failures as {@link LlmFailure} (errors are values).
 */
public interface LlmProvider {

    /** The wire name of the provider ({@code offline}, {@code gemini}, {@code openai-compatible}). */
    String name();

    /**
     * Generates the answer. Blocks the calling (virtual) thread until the answer is complete.
     *
     * @throws LlmFailure          when the model call fails for a known reason
     * @throws GenerationCancelled when the call was cancelled
     */
    ProviderResult generate(GenerationCall call);
}
