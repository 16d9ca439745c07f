package com.cvchat.llmworker.offline.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the offline model's floor on the evaluation corpus: the score is computed here from the corpus, so a change to
 * the extractors that adds junk or loses facts fails the build. The printed table is the score command's output.
 */
class OfflineModelScoreTest {

    static final double PRECISION_FLOOR = 0.98;
    static final double RECALL_FLOOR = 0.90;

    @Test
    void shouldKeepTheOfflineModelsPrecisionAndRecallOnTheCorpus() {
        List<Conversation> corpus = Conversation.corpus();
        Evaluation.Report report = Evaluation.run(corpus, new OfflineTurnModel());
        ReportPrinter.print("offline", report, false, System.out);

        assertThat(corpus.stream().filter(c -> c.docType().equals(Conversation.CV))).hasSizeGreaterThanOrEqualTo(40);
        assertThat(corpus.stream().filter(c -> c.docType().equals(Conversation.COVER_LETTER))).hasSizeGreaterThanOrEqualTo(10);
        assertThat(report.overall().precision()).as("precision").isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(report.overall().recall()).as("recall").isGreaterThanOrEqualTo(RECALL_FLOOR);
    }
}
