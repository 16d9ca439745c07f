package com.cvchat.llmworker.offline.eval;

import java.io.PrintStream;
import java.util.Map;

/** The score as a table: precision and recall per document type and section, then overall; optionally every miss. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static void print(String model, Evaluation.Report report, boolean details, PrintStream out) {
        out.printf("Evaluation corpus scored with the %s model%n", model);
        out.printf("%-14s %-28s %9s %9s %9s %9s%n", "document", "section", "expected", "found", "precision", "recall");
        report.sections().forEach((type, sections) -> sections.forEach((section, tally) -> row(out, type, section, tally)));
        row(out, "all", "overall", report.overall());
        if (details) {
            report.conversations().forEach((id, tallies) -> misses(out, id, tallies));
        }
    }

    private static void row(PrintStream out, String type, String section, Tally tally) {
        out.printf("%-14s %-28s %9d %9d %9.3f %9.3f%n", type, section, tally.expected(), tally.found(),
                tally.precision(), tally.recall());
    }

    private static void misses(PrintStream out, String id, Map<String, Tally> tallies) {
        tallies.values().forEach(tally -> {
            tally.junk().forEach(fact -> out.printf("%s JUNK   %s = %s%n", id, fact.key(), fact.value()));
            tally.missed().forEach(fact -> out.printf("%s MISSED %s = %s%n", id, fact.key(), fact.value()));
        });
    }
}
