package com.cvchat.llmworker.provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** Runs attempts of a streamed model call until one succeeds or the classifier gives up; waits are cancellable. */
public final class RetryLoop {

    private static final Logger log = LoggerFactory.getLogger(RetryLoop.class);

    /** One try; marks {@link Progress#streamed()} once text reached the sink (after that nothing is retried). */
    @FunctionalInterface
    public interface Attempt {
        ProviderResult run(Progress progress);
    }

    /** Decides what follows a failed attempt. */
    @FunctionalInterface
    public interface Classifier {
        RetryDecision decide(RuntimeException error, boolean streamed, int attempt, Duration elapsed);
    }

    /** What an attempt has done so far. */
    public static final class Progress {
        private boolean streamed;

        public void streamed() {
            streamed = true;
        }

        boolean hasStreamed() {
            return streamed;
        }
    }

    private RetryLoop() {
    }

    public static ProviderResult run(GenerationCall call, String provider, Attempt attempt, Classifier classifier) {
        long start = System.nanoTime();
        for (int number = 1; ; number++) {
            Progress progress = new Progress();
            try {
                return attempt.run(progress);
            } catch (GenerationCancelled e) {
                throw e;
            } catch (RuntimeException e) {
                call.cancellation().throwIfCancelled();
                RetryDecision decision = classifier.decide(e, progress.hasStreamed(), number,
                        Duration.ofNanos(System.nanoTime() - start));
                if (!decision.retry()) {
                    log.info("{} request {} failed after {} attempt(s): {}", provider, call.request().requestId(),
                            number, decision.failure().getMessage());
                    throw decision.failure();
                }
                log.info("{} attempt {} of request {} failed ({}); retrying in {} ms", provider, number,
                        call.request().requestId(), e.getClass().getSimpleName(), decision.delay().toMillis());
                call.cancellation().sleep(decision.delay());
            }
        }
    }
}
