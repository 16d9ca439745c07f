package com.cvchat.rules.title;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message is about, read from its words alone (no model). {@code phrase}: how the answer names it ("how to
 * prepare for a system design interview", "what to expect in my first trimester"; empty for a greeting or a question
 * with no recognised form); {@code action}: the title's words ("Preparing for a system design interview");
 * {@code howTo}: it asks how to do something; {@code question}: it asks at all.
 */
public record Topic(String phrase, String action, boolean howTo, boolean question) {

    private static final Pattern CLAUSES = Pattern.compile("\\s*(?:[?!.;:]+|,(?=\\s*(?:what|how|which|why|when|where|"
            + "should|can|could|is|are|do|does|any)\\b))\\s*|\\s+(?=(?:what|how|which|why) (?:should|do|can|is|are)\\b)"
            + "|\\s+(?:and|but|so|because|and then)\\s+(?=(?:i|i'm|i’m|we|we're|my|our|it|it's|they|he|she)\\s)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOW = Pattern.compile("^(?:so\\s+)?how (?:do|can|should|would|could|to|might) (?:i |we |you |one )?"
            + "(?:best )?(\\p{L}+)\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HELP = Pattern.compile("^(?:can|could|would) you (?:please )?(?:help me|explain how to|"
            + "show me how to|tell me how to)\\s+(?:to\\s+)?(\\p{L}+)\\s*(.*)$|^(?:please )?help me (?:to\\s+)?(\\p{L}+)\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHAT_SHOULD = Pattern.compile("^what (?:should|can|do) (?:i|we) (\\p{L}+)\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHAT_IS = Pattern.compile("^(?:what|who) (?:is|are|was|were) (?:a |an |the )?(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TELL = Pattern.compile("^(?:can you |could you |please )?(?:tell me about|explain|"
            + "describe|give me (?:some )?(?:tips|advice) (?:on|for|about))\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIPS = Pattern.compile("^(?:any |some )?(?:tips|advice|ideas|suggestions)\\b\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASKING = Pattern.compile("^(?:what|how|which|why|when|where|who|should|can|could|is|are|"
            + "do|does|any|tips|advice)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATE = Pattern.compile("^(?:i am|i'm|i’m|my|we are|we're)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHY = Pattern.compile("^why (do|does|did|is|are) (.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WANT = Pattern.compile("^i (?:want|would like|'d like|need|plan|hope) to (\\p{L}+)\\s*(.*)$|"
            + "^i (feel|love|hate|keep)\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTRO = Pattern.compile("^(?:my name is|my name's|i am called|call me)\\s+"
            + "(\\p{L}[\\p{L}'’-]*(?:\\s+\\p{L}[\\p{L}'’-]*){0,2})$", Pattern.CASE_INSENSITIVE);
    /** Verbs whose "-ing" form names a topic on its own ("Eating at 14 weeks pregnant"; not "Expecting …"). */
    private static final Set<String> GERUND_TOPICS = Set.of("eat", "drink", "sleep", "exercise", "study", "train",
            "prepare", "practise", "practice", "learn", "cook", "travel", "invest", "save", "focus", "start", "plan");
    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "thanks", "thank you", "ok", "okay", "please",
            "good morning", "good afternoon", "good evening");

    /**
     * The topic of {@code message}: the asking clause when it has a form this reads (how to …, what should I …, tips,
     * tell me about …, why …, I want to …), else the first other clause that has one, else an introduction ("my name is
     * …"), else the asking (or first) clause itself.
     */
    public static Topic of(String message) {
        List<String> clauses = clauses(message);
        String asking = clauses.stream().filter(c -> ASKING.matcher(c).find()).findFirst()
                .orElse(clauses.isEmpty() ? "" : clauses.getFirst());
        String context = clauses.stream().filter(c -> !c.equals(asking)).map(STATE::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).findFirst().orElse("");
        boolean question = message.strip().endsWith("?") || ASKING.matcher(asking).find();
        List<String> ordered = new ArrayList<>(List.of(asking));
        clauses.stream().filter(c -> !c.equals(asking)).forEach(ordered::add);
        for (String clause : ordered) {
            Topic topic = read(clause, clause.equals(asking) ? context : "", question);
            if (topic != null) {
                return topic;
            }
        }
        for (String clause : clauses) {
            Matcher intro = INTRO.matcher(clause);
            if (intro.matches()) {
                return new Topic("", "Introducing " + capitalized(intro.group(1)), false, question);
            }
        }
        String phrase = GREETINGS.contains(asking.toLowerCase(Locale.ROOT)) ? "" : asking;
        return new Topic(question ? "" : phrase, phrase, false, question);
    }

    /**
     * The message only greets or thanks ("hello there", "ok thanks"): it names nothing and asks nothing. An introduction
     * ("my name is …") or any other statement is not a greeting.
     */
    public boolean greeting() {
        return action.isBlank() && !question;
    }

    /** The topic of one clause when it has a form this reads, else null. */
    private static Topic read(String asking, String context, boolean question) {
        for (Pattern how : new Pattern[]{HOW, HELP}) {
            Matcher m = how.matcher(asking);
            if (m.matches()) {
                String verb = m.group(1) != null ? m.group(1) : m.group(3);
                String rest = m.group(1) != null ? m.group(2) : m.group(4);
                return new Topic(("how to " + verb + " " + rest).strip(), Words.gerund(verb) + " " + rest, true, true);
            }
        }
        Matcher should = WHAT_SHOULD.matcher(asking);
        if (should.matches()) {
            String phrase = withContext(("what to " + should.group(1) + " " + should.group(2)).strip(), context);
            boolean gerund = Words.count(phrase) > Words.TITLE_WORDS
                    && GERUND_TOPICS.contains(should.group(1).toLowerCase(Locale.ROOT));
            String action = gerund ? withContext((Words.gerund(should.group(1)) + " " + should.group(2)).strip(), context)
                    : phrase;
            return new Topic(phrase, action, false, true);
        }
        Matcher tips = TIPS.matcher(asking);
        if (tips.matches()) {
            String about = tips.group(1).isBlank() ? "for " + Words.subject(context) : tips.group(1);
            return new Topic(("tips " + about).strip(), ("tips " + about).strip(), true, true);
        }
        for (Pattern about : new Pattern[]{TELL, WHAT_IS}) {
            Matcher m = about.matcher(asking);
            if (m.matches()) {
                String action = m.group(1).replaceFirst("(?i)^(?:every|each|all the|the) steps? (?:of|in|for|to)\\s+", "");
                return new Topic(m.group(1), action, false, true);
            }
        }
        Matcher why = WHY.matcher(asking);
        if (why.matches()) {
            String reason = Words.why(why.group(1), why.group(2));
            return new Topic("w" + reason.substring(1), reason, false, true);
        }
        Matcher want = WANT.matcher(asking);
        if (want.matches()) {
            boolean plan = want.group(1) != null;
            String action = (Words.gerund(plan ? want.group(1) : want.group(3)) + " " + (plan ? want.group(2) : want.group(4))).strip();
            return new Topic(plan ? action : asking, action, plan, question);
        }
        return null;
    }

    private static String capitalized(String name) {
        return Arrays.stream(name.split("\\s+")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    private static String withContext(String phrase, String context) {
        if (context.isEmpty()) {
            return phrase;
        }
        return phrase + (Character.isDigit(context.charAt(0)) ? " at " : " while ") + context;
    }

    private static List<String> clauses(String message) {
        List<String> clauses = new ArrayList<>();
        String text = message.replaceAll("[\"“”«»`]", " ").replaceAll("\\s+", " ").strip();
        Arrays.stream(CLAUSES.split(text)).map(String::strip).filter(c -> !c.isEmpty())
                .map(c -> c.replaceFirst("(?i)^(?:(?:hi|hello|hey)(?: there)?|so|and|but|ok|okay|well|please|thanks)\\b[, ]*", ""))
                .filter(c -> !c.isBlank()).forEach(clauses::add);
        return clauses;
    }
}
