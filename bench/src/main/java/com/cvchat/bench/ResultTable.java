package com.cvchat.bench;

import java.util.ArrayList;
import java.util.List;

/** The suite's output: one row per figure, with its goal and whether this run met it. */
final class ResultTable {

    record Row(String item, String figure, String goal, String met) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** A figure with a goal; {@code met} null when the figure could not be measured. */
    void add(String item, String figure, String goal, Boolean met) {
        rows.add(new Row(item, figure, goal, met == null ? "n/a" : met ? "yes" : "NO"));
    }

    /** A figure without a goal of its own (a reference or a detail). */
    void add(String item, String figure) {
        rows.add(new Row(item, figure, "", ""));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** A Markdown table (readable as plain text too). */
    String render() {
        int[] width = {4, 6, 4, 4};
        for (Row row : rows) {
            width[0] = Math.max(width[0], row.item().length());
            width[1] = Math.max(width[1], row.figure().length());
            width[2] = Math.max(width[2], row.goal().length());
            width[3] = Math.max(width[3], row.met().length());
        }
        StringBuilder out = new StringBuilder();
        line(out, width, "item", "figure", "goal", "met?");
        line(out, width, "-".repeat(width[0]), "-".repeat(width[1]), "-".repeat(width[2]), "-".repeat(width[3]));
        rows.forEach(r -> line(out, width, r.item(), r.figure(), r.goal(), r.met()));
        return out.toString();
    }

    private static void line(StringBuilder out, int[] width, String... cells) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            out.append(' ').append(String.format("%-" + width[i] + "s", cells[i])).append(" |");
        }
        out.append('\n');
    }
}
