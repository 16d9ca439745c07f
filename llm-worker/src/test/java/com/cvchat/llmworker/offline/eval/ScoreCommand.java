package com.cvchat.llmworker.offline.eval;

import java.util.Arrays;
import java.util.List;

/**
 * The score command: {@code scripts/offline-model-score [--details] [--only <part of an id>]} prints precision and recall of
 * the offline model on the evaluation corpus, per section and overall; {@code --details} adds every junk and missed
 * field, {@code --only held-out} scores only the conversations whose id contains that text.
 */
public final class ScoreCommand {

    private ScoreCommand() {
    }

    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        int only = options.indexOf("--only");
        String part = only >= 0 && only + 1 < args.length ? args[only + 1] : "";
        List<Conversation> corpus = Conversation.corpus().stream().filter(c -> c.id().contains(part)).toList();
        Evaluation.Report report = Evaluation.run(corpus, new OfflineTurnModel());
        ReportPrinter.print("offline", report, options.contains("--details"), System.out);
    }
}
