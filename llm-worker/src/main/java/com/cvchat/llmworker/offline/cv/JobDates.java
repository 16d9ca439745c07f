package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.node.ObjectNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job's dates: a range ("from June 2016 to Dec 2019", "2019–2023"), a start ("since 2019", "starting March 2020",
 * "joined … in January 2022": end {@code Present}), or only the present tense ("I'm …", "I have been …", "currently").
 */
final class JobDates {

    private static final Pattern RANGE = Patterns.compile("(?:from\\s+|between\\s+)?(" + Dates.DATE
            + ")\\s*(?:-|–|—|to|until|till|through|and)\\s*(" + Dates.DATE + ")");
    private static final Pattern SINCE = Patterns.compile("\\b(?:since|starting(?: in)?|started(?: in)?|from)\\s+(" + Dates.DATE + ")");
    private static final Pattern JOINED_IN = Patterns.compile("\\bin\\s+(" + Dates.DATE + ")");
    private static final Pattern PRESENT = Patterns.compile("\\b(?:currently|now|I(?:'m|’m| am)\\s+(?:a|an|working)|I work|"
            + "I(?:'ve|’ve| have) (?:been|worked)|present)\\b");

    private JobDates() {
    }

    static void fill(String clause, ObjectNode job) {
        boolean joined = job.remove("joined") != null;
        Matcher range = RANGE.matcher(clause);
        if (range.find() && !Dates.normalize(range.group(1)).isEmpty() && !Dates.normalize(range.group(2)).isEmpty()) {
            job.put("start_date", Dates.normalize(range.group(1)));
            job.put("end_date", Dates.normalize(range.group(2)));
            return;
        }
        Matcher since = (joined ? JOINED_IN : SINCE).matcher(clause);
        if (since.find() && !Dates.normalize(since.group(1)).isEmpty()) {
            job.put("start_date", Dates.normalize(since.group(1)));
            job.put("end_date", "Present");
        } else if (PRESENT.matcher(clause).find()) {
            job.put("end_date", "Present");
        }
    }
}
