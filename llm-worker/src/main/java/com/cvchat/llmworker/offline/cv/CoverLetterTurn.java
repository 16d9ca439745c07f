package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline cover-letter turn. Data shape (defined by cv-builder-service): personal_info {full_name, title, email,
 * phone, location}, recipient {name, title}, company {name, address}, position, opening, body_paragraphs[], closing.
 * Facts are extracted from sentences ("I'm applying for the Lead Data Scientist position at Acme Corp", "the hiring
 * manager is John Smith"); the letter's own text (opening, body paragraphs, closing) is either marked ("Opening: …")
 * or is the answer to the question the assistant just asked.
 */
final class CoverLetterTurn {

    private static final String END = "\\s*(?:[.!?](?:\\s|$)|$)";
    private static final String KIND = "\\s+(?:position|role|job|opening|vacancy)";
    private static final Pattern POSITION_AFTER_COMPANY = Patterns.compile("\\bapplying to\\s+" + Patterns.PROPER
            + "\\s+for\\s+(?:the |a |an )?(" + Patterns.PHRASE + ")" + KIND);
    private static final Pattern POSITION = Patterns.compile("\\b(?:applying|apply|application|interested|(?:cover )?letter) (?:for|to|in) "
            + "(?:the |a |an )?(" + Patterns.PHRASE + ")" + KIND);
    private static final Pattern POSITION_EXPLICIT = Patterns.compile("\\b(?:the )?(?:position|role|job)(?: title)?\\s*(?:is\\b|:)"
            + "\\s*(?:a |an |the )?(" + Patterns.PHRASE + ")" + Patterns.PHRASE_END);
    private static final Pattern COMPANY = Patterns.cased("\\b(?:(?:[Pp]osition|[Rr]ole|[Jj]ob|[Oo]pening|[Vv]acancy) (?:at|with)|"
            + "[Cc]ompany (?:is|name is|:)|[Aa]pplying to|[Aa]pply to|[Cc]ompany:)\\s+(?:the\\s+)?(" + Patterns.PROPER + ")");
    private static final Pattern COMPANY_AFTER_POSITION = Patterns.cased("^\\s+(?:at|with)\\s+(?:the\\s+)?(" + Patterns.PROPER + ")");
    private static final Pattern ADDRESS = Patterns.compile("\\b(?:address is|address:|located at|based at)\\s+(.+?)" + END);
    private static final Pattern RECIPIENT = Patterns.cased("\\b(?:[Hh]iring manager is|(?:should go|goes|is going) to|[Aa]ddress(?:ed)? (?:it |the letter )?to|[Rr]ecipient is|"
            + "[Ss]end it to|[Ww]rite to|[Dd]ear)\\s+(?:(?:Mr|Ms|Mrs|Dr)\\.?\\s+)?(" + Patterns.NAME + ")(?:,\\s*(?:the\\s+)?("
            + Patterns.PHRASE + ")" + Patterns.PHRASE_END + ")?");

    private final PersonalInfoExtractor personal = new PersonalInfoExtractor();

    ObjectNode answer(String message, JsonNode data) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        personal.addTo(message, patch);
        facts(message, patch);
        LetterText.add(message, new Facts(data, patch), new Facts(data, patch).bringsNews(), patch);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("patch", patch);
        answer.put("message", LetterReply.reply(new Facts(data, patch)));
        return answer;
    }

    private static void facts(String message, ObjectNode patch) {
        for (Pattern pattern : new Pattern[]{POSITION_AFTER_COMPANY, POSITION, POSITION_EXPLICIT}) {
            Matcher position = pattern.matcher(message);
            if (position.find()) {
                patch.put("position", Text.titleCase(position.group(1)));
                Matcher after = COMPANY_AFTER_POSITION.matcher(message.substring(position.end()));
                if (after.find()) {
                    patch.withObject("company").put("name", Text.clean(after.group(1)));
                }
                break;
            }
        }
        Matcher company = COMPANY.matcher(message);
        if (!patch.has("company") && company.find()) {
            patch.withObject("company").put("name", Text.clean(company.group(1)));
        }
        Matcher address = ADDRESS.matcher(message);
        if (address.find()) {
            patch.withObject("company").put("address", Text.clean(address.group(1)));
        }
        Matcher recipient = RECIPIENT.matcher(message);
        if (recipient.find()) {
            ObjectNode to = patch.withObject("recipient").put("name", recipient.group(1));
            if (recipient.group(2) != null) {
                to.put("title", Text.titleCase(recipient.group(2)));
            }
        }
    }

    static String nextTopic(Facts facts) {
        if (!facts.has("/personal_info/full_name") || !facts.has("/personal_info/email")) {
            return "personal_info";
        }
        if (!facts.has("/position") || !facts.has("/company/name")) {
            return "position";
        }
        if (!facts.has("/opening")) {
            return "opening";
        }
        if (!facts.has("/body_paragraphs")) {
            return "body_paragraphs";
        }
        return facts.has("/closing") ? "done" : "closing";
    }
}
