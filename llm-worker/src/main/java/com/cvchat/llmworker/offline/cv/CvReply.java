package com.cvchat.llmworker.offline.cv;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first part of a CV turn's reply: what the message added, said briefly; or, when nothing was understood, a
 * sentence that would work for what is being asked. The spec's two opening replies keep their exact words.
 */
final class CvReply {

    private static final Set<String> NAME_AND_TITLE = Set.of("full_name", "title");
    private static final Set<String> CONTACT = Set.of("email", "phone", "location");
    private static final Map<String, String> EXAMPLES = Map.of(
            "name", "I'm Maria Lopez, a Product Manager.",
            "title", "I work as a Product Manager.",
            "contact", "My email is maria@example.com, my phone is +1 512 555 0100 and I live in Austin, TX.",
            "experience", "I'm a Product Manager at Acme Corp in Austin since March 2021.",
            "education", "I have a BSc in Computer Science from the University of Texas, 2015.",
            "skills", "My skills include product strategy and user research. I use Jira, Figma and SQL.",
            "projects", "Key project: Atlas - a pricing dashboard built with Python and Tableau.",
            CvQuestions.SUMMARY, "Summary: product manager with eight years in fintech, focused on payments.",
            "done", "I won the Employee of the Year award in 2022.");

    private CvReply() {
    }

    static String acknowledgement(Facts facts, boolean contactJustCompleted) {
        if (facts.added("/personal_info/full_name") && !facts.had("/personal_info/full_name")) {
            return "Great to meet you, " + facts.text("/personal_info/full_name").split("\\s+")[0]
                    + "! I'd love to help you create your CV. " + also(facts, NAME_AND_TITLE);
        }
        if (contactJustCompleted) {
            return "Perfect! I have your contact details. " + also(facts, CONTACT);
        }
        List<String> phrases = Understood.phrases(facts, Set.of());
        if (!phrases.isEmpty()) {
            return "Got it: " + Understood.join(phrases) + ". ";
        }
        return "I couldn't find CV details in that. A sentence like this works: \""
                + EXAMPLES.get(CvQuestions.nextTopic(facts)) + "\" ";
    }

    /** What else the message gave besides the fields the opening words already acknowledge. */
    private static String also(Facts facts, Set<String> acknowledged) {
        List<String> phrases = Understood.phrases(facts, acknowledged);
        return phrases.isEmpty() ? "" : "I've also noted " + Understood.join(phrases) + ". ";
    }
}
