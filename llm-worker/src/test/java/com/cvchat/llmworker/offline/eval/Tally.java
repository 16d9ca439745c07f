package com.cvchat.llmworker.offline.eval;

import java.util.ArrayList;
import java.util.List;

/** Field counts of one section: found and expected (true positives), found only (junk), expected only (missed). */
final class Tally {

    private int correct;
    private final List<Fact> junk = new ArrayList<>();
    private final List<Fact> missed = new ArrayList<>();

    void correct() {
        correct++;
    }

    void junk(Fact fact) {
        junk.add(fact);
    }

    void missed(Fact fact) {
        missed.add(fact);
    }

    void add(Tally other) {
        correct += other.correct;
        junk.addAll(other.junk);
        missed.addAll(other.missed);
    }

    int found() {
        return correct + junk.size();
    }

    int expected() {
        return correct + missed.size();
    }

    /** Share of found fields that are right; 1 when nothing was found. */
    double precision() {
        return found() == 0 ? 1 : (double) correct / found();
    }

    /** Share of expected fields that were found; 1 when nothing was expected. */
    double recall() {
        return expected() == 0 ? 1 : (double) correct / expected();
    }

    List<Fact> junk() {
        return List.copyOf(junk);
    }

    List<Fact> missed() {
        return List.copyOf(missed);
    }
}
