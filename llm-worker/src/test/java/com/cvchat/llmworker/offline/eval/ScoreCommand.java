package com.cvchat.llmworker.offline.eval;

/**
 * The score command: {@code scripts/offline-model-score [--details]} prints precision and recall of the offline model
 * on the evaluation corpus, per section and overall; {@code --details} adds every junk and missed field.
 */
public final class ScoreCommand {

    private ScoreCommand() {
    }

    public static void main(String[] args) {
        boolean details = java.util.Arrays.asList(args).contains("--details");
        Evaluation.Report report = Evaluation.run(Conversation.corpus(), new OfflineTurnModel());
        ReportPrinter.print("offline", report, details, System.out);
    }
}
