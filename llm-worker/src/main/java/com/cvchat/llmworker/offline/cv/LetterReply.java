package com.cvchat.llmworker.offline.cv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reply on a cover-letter turn: what the message added, said briefly (or a sentence that would work when nothing
 * was understood), then the question for the first thing still missing.
 */
final class LetterReply {

    private static final Map<String, String> EXAMPLES = Map.of(
            "personal_info", "I'm Maria Lopez, maria@example.com.",
            "position", "I'm applying for the Product Manager position at Acme Corp; the hiring manager is John Smith.",
            "opening", "Opening: I'm excited to apply because Acme builds the tools I use every day.",
            "body_paragraphs", "Paragraph: At Globex I led the launch of a pricing tool used by 2,000 stores.",
            "closing", "Closing: Thank you for your time; I look forward to hearing from you.",
            "done", "Paragraph: I also mentored four junior designers.");

    private static final List<List<String>> PERSONAL = List.of(List.of("/personal_info/full_name", "your name"),
            List.of("/personal_info/email", "your email"), List.of("/personal_info/phone", "your phone number"),
            List.of("/personal_info/location", "your location"));

    private LetterReply() {
    }

    static String reply(Facts facts) {
        List<String> phrases = phrases(facts);
        String next = CoverLetterTurn.nextTopic(facts);
        String ack = phrases.isEmpty()
                ? "I couldn't find letter details in that. A sentence like this works: \"" + EXAMPLES.get(next) + "\" "
                : "Got it: " + Understood.join(phrases) + ". ";
        return ack + question(facts, next);
    }

    private static String question(Facts facts, String next) {
        return switch (next) {
            case "personal_info" -> facts.has("/personal_info/full_name")
                    ? "What email address should the letter show?"
                    : "Let's write your cover letter. What is your full name and email address?";
            case "position" -> "Which position are you applying for, and at which company? If you know the hiring "
                    + "manager's name, tell me too.";
            case "opening" -> "How would you like to open the letter? Tell me in a sentence or two why you are "
                    + "excited about this role.";
            case "body_paragraphs" -> "Now the body: what experience and achievements make you a great fit? "
                    + "Each message becomes a paragraph.";
            case "closing" -> "You can add another paragraph, or tell me how you would like to close the letter.";
            default -> "Your cover letter has everything it needs and can be finalized. You can still add "
                    + "paragraphs with \"Paragraph: ...\".";
        };
    }

    private static List<String> phrases(Facts facts) {
        List<String> phrases = new ArrayList<>();
        PERSONAL.stream().filter(field -> news(facts, field.get(0))).forEach(field -> phrases.add(field.get(1)));
        if (news(facts, "/position")) {
            phrases.add("the position (" + facts.text("/position") + ")");
        }
        if (news(facts, "/company/name")) {
            phrases.add("the company (" + facts.text("/company/name") + ")");
        }
        if (news(facts, "/company/address")) {
            phrases.add("the company's address");
        }
        if (news(facts, "/recipient/name")) {
            phrases.add("the recipient (" + facts.text("/recipient/name") + ")");
        }
        if (facts.added("/opening")) {
            phrases.add("your opening");
        }
        if (facts.added("/body_paragraphs")) {
            phrases.add("a paragraph for the body");
        }
        if (facts.added("/closing")) {
            phrases.add("your closing");
        }
        return phrases;
    }

    private static boolean news(Facts facts, String pointer) {
        return facts.added(pointer) && !facts.patch().at(pointer).asString().equalsIgnoreCase(facts.data().at(pointer).asString(""));
    }
}
