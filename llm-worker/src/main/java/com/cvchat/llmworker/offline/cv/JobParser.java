package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One job in one clause: "Data Analyst at Acme Corp in Chicago from June 2016 to Dec 2019", "at DataTech as a … since
 * January 2020", "At Mercari I work as a Data Engineer", "I joined Cloudflare as an SRE in January 2022", "Senior
 * Electrician with Kier Group since 12/2019", "I'm a Freelance Translator since 2015", "I teach English at X".
 * The title must end in a role word ("… Engineer", "… Manager"), so "I'm a quick learner" is no job.
 */
final class JobParser {

    private static final String WORD = "[\\p{L}][\\w/&+#.'’-]*";
    private static final String NOT_TITLE = "(?!(?:a|an|the|as|i|was|am|is|are|been|have|has|had|be|my|and|then|before|"
            + "that|currently|now|also|still|since|from|worked|work|joined|spent|years?)\\b)";
    private static final String TITLE = "((?:" + NOT_TITLE + WORD + "\\s+){0,4}?" + NOT_TITLE + WORD + ")";
    private static final String TITLE_END = "(?=\\s+(?:from|since|in|between|for|until|where|and)\\b|[,;.!?)]|$)";
    private static final Pattern COMPANY_FIRST = Patterns.compile("\\b(at|for|with|joined)\\s+(" + Patterns.PROPER + "),?\\s+"
            + "(?:in\\s+" + Patterns.PLACE + "\\s+)?(?:I\\s+(?:work|worked|am working|'ve been working|have been working)\\s+)?as\\s+(?:a\\s+|an\\s+|the\\s+)?"
            + TITLE + TITLE_END);
    private static final Pattern TITLE_FIRST = Patterns.compile("(?:^|\\b(?:a|an|the|as|am|was|is|been|I'm|I’m)\\s+|[,:;(]\\s*)"
            + TITLE + "\\s+(?:at|with)\\s+(" + Patterns.PROPER + ")");
    private static final Pattern TITLE_COMMA_COMPANY = Patterns.compile("^" + TITLE + ",\\s*(" + Patterns.PROPER + ")\\s*[,(-]\\s*(?="
            + Dates.DATE + ")");
    private static final Pattern TITLE_ONLY = Patterns.compile("\\bI(?:'m|’m| am|'ve been|’ve been| have been)\\s+(?:a|an)\\s+"
            + TITLE + "\\s+(?=since|from)");
    private static final Pattern TEACH = Patterns.compile("\\bI teach\\s+(" + WORD + ")\\s+at\\s+(" + Patterns.PROPER + ")");
    private static final Pattern LEFT = Patterns.compile("\\bI left\\s+(" + Patterns.PROPER + ")\\s+(?:in|on)\\s+(" + Dates.DATE + ")");
    private static final Pattern PLACE_IN = Patterns.compile("^\\s+in\\s+(" + Patterns.PLACE + ")");
    private static final Pattern PLACE_COMMA = Patterns.compile("^,\\s*(" + Patterns.PLACE + "),\\s*(?=" + Dates.DATE + ")");

    private JobParser() {
    }

    /** The job {@code clause} names, or null. */
    static ObjectNode parse(String clause) {
        Matcher left = LEFT.matcher(clause);
        if (left.find()) {
            return JsonNodeFactory.instance.objectNode().put("company", Text.clean(left.group(1)))
                    .put("end_date", Dates.normalize(left.group(2)));
        }
        ObjectNode job = titleAndCompany(clause);
        if (job != null) {
            JobDates.fill(clause, job);
        }
        return job;
    }

    private static ObjectNode titleAndCompany(String clause) {
        Matcher m = COMPANY_FIRST.matcher(clause);
        while (m.find()) {
            if (Patterns.isRole(m.group(3)) && real(m.group(2))) {
                ObjectNode job = job(m.group(3), m.group(2), clause, m.end(2));
                return m.group(1).equalsIgnoreCase("joined") ? job.put("joined", true) : job;
            }
        }
        for (Pattern pattern : new Pattern[]{TITLE_FIRST, TITLE_COMMA_COMPANY}) {
            m = pattern.matcher(clause);
            while (m.find()) {
                if (Patterns.isRole(m.group(1)) && real(m.group(2)) && !studying(m.group(1))) {
                    return job(m.group(1), m.group(2), clause, m.end(2));
                }
            }
        }
        m = TEACH.matcher(clause);
        if (m.find()) {
            return job(m.group(1) + " Teacher", m.group(2), clause, m.end(2));
        }
        m = TITLE_ONLY.matcher(clause);
        if (m.find() && Patterns.isRole(m.group(1))) {
            return JsonNodeFactory.instance.objectNode().put("title", Text.titleCase(m.group(1)));
        }
        return null;
    }

    private static ObjectNode job(String title, String company, String clause, int companyEnd) {
        ObjectNode job = JsonNodeFactory.instance.objectNode()
                .put("title", Text.titleCase(title)).put("company", Text.clean(company));
        String rest = clause.substring(companyEnd);
        for (Pattern place : new Pattern[]{PLACE_IN, PLACE_COMMA}) {
            Matcher m = place.matcher(rest);
            if (m.find() && Dates.normalize(m.group(1)).isEmpty()) {
                return job.put("location", Text.clean(m.group(1)));
            }
        }
        return job;
    }

    /** "a computer science student at TU Berlin" is a place of study, not a job ("Working Student" is one). */
    private static boolean studying(String title) {
        return title.matches("(?i).*\\bstudent") && !title.matches("(?i)working student");
    }

    /** A company name is not a number ("a developer with 5 years …") nor a date. */
    private static boolean real(String company) {
        String name = Text.clean(company);
        return !name.matches("\\d+(?:\\s.*)?") && Dates.normalize(name).isEmpty();
    }
}
