package com.cvchat.llmworker.offline.eval;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares found document data with the expected data field by field, per section. Items of a list of objects (jobs,
 * degrees, projects) are paired first, each found item with the expected item it agrees with most; the fields of an
 * unpaired found item are all junk, those of an unpaired expected item all missed.
 */
final class Scorer {

    private static final Set<String> ITEM_LISTS = Set.of("experience", "education", "key_projects_achievements");

    private Scorer() {
    }

    /** Section name → counts, for one conversation. */
    static Map<String, Tally> score(JsonNode expected, JsonNode found) {
        Set<String> sections = new LinkedHashSet<>(expected.propertyNames());
        sections.addAll(found.propertyNames());
        Map<String, Tally> tallies = new TreeMap<>();
        for (String section : sections) {
            Tally tally = new Tally();
            if (ITEM_LISTS.contains(section)) {
                items(list(section, expected.path(section)), list(section, found.path(section)), tally);
            } else {
                count(Fact.of(section, section, expected.path(section)), Fact.of(section, section, found.path(section)), tally);
            }
            if (tally.expected() + tally.found() > 0) {
                tallies.put(section, tally);
            }
        }
        return tallies;
    }

    private static void items(List<List<Fact>> expected, List<List<Fact>> found, Tally tally) {
        boolean[] expectedUsed = new boolean[expected.size()];
        boolean[] foundUsed = new boolean[found.size()];
        while (true) {
            int bestE = -1;
            int bestF = -1;
            int best = 0;
            for (int e = 0; e < expected.size(); e++) {
                for (int f = 0; f < found.size(); f++) {
                    int agree = expectedUsed[e] || foundUsed[f] ? 0 : count(expected.get(e), found.get(f), new Tally());
                    if (agree > best) {
                        best = agree;
                        bestE = e;
                        bestF = f;
                    }
                }
            }
            if (bestE < 0) {
                break;
            }
            expectedUsed[bestE] = true;
            foundUsed[bestF] = true;
            count(expected.get(bestE), found.get(bestF), tally);
        }
        for (int e = 0; e < expected.size(); e++) {
            if (!expectedUsed[e]) {
                count(expected.get(e), List.of(), tally);
            }
        }
        for (int f = 0; f < found.size(); f++) {
            if (!foundUsed[f]) {
                count(List.of(), found.get(f), tally);
            }
        }
    }

    /** Pairs equal facts one to one; returns how many were right. */
    private static int count(List<Fact> expected, List<Fact> found, Tally tally) {
        List<Fact> left = new ArrayList<>(found);
        int correct = 0;
        for (Fact want : expected) {
            Fact hit = left.stream().filter(got -> got.key().equals(want.key())
                    && Values.match(want.field(), want.value(), got.value())).findFirst().orElse(null);
            if (hit == null) {
                tally.missed(want);
            } else {
                left.remove(hit);
                tally.correct();
                correct++;
            }
        }
        left.forEach(tally::junk);
        return correct;
    }

    private static List<List<Fact>> list(String section, JsonNode items) {
        List<List<Fact>> facts = new ArrayList<>();
        for (JsonNode item : items) {
            facts.add(Fact.of(section, section, item));
        }
        return facts;
    }
}
