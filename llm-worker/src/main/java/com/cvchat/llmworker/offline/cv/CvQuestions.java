package com.cvchat.llmworker.offline.cv;

import java.util.ArrayList;
import java.util.List;

/**
 * The assistant's reply on a CV turn: a short acknowledgement of what the message added, then the question for
 * the first thing still missing, in the order a person would ask: name and title, contact details, experience,
 * education, skills, projects, then the summary (written last, once the rest is known), then optional awards.
 */
final class CvQuestions {

    static final String SUMMARY = "summary";

    private CvQuestions() {
    }

    /** The first missing topic: one of name, title, contact, experience, education, skills, projects, summary, or done. */
    static String nextTopic(Facts facts) {
        if (!facts.has("/personal_info/full_name")) {
            return "name";
        }
        if (!facts.has("/personal_info/title")) {
            return "title";
        }
        if (!contactMissing(facts).isEmpty()) {
            return "contact";
        }
        if (!facts.has("/experience")) {
            return "experience";
        }
        if (!facts.has("/education")) {
            return "education";
        }
        if (!facts.has("/skills/core_competencies") && !facts.has("/skills/software_proficiency")) {
            return "skills";
        }
        if (!facts.has("/key_projects_achievements")) {
            return "projects";
        }
        return facts.has("/summary") ? "done" : SUMMARY;
    }

    static String reply(Facts facts) {
        boolean contactAdded = facts.added("/personal_info/email") || facts.added("/personal_info/phone")
                || facts.added("/personal_info/location");
        boolean contactCompleted = contactAdded && contactMissing(facts).isEmpty()
                && !contactMissing(new Facts(facts.data(), facts.data())).isEmpty();
        return CvReply.acknowledgement(facts, contactCompleted) + question(facts);
    }

    static String question(Facts facts) {
        return switch (nextTopic(facts)) {
            case "name" -> facts.has("/personal_info/title") ? "Could you tell me your full name?"
                    : "Could you tell me your full name and your current job title?";
            case "title" -> "What is your current job title?";
            case "contact" -> contactQuestion(contactMissing(facts));
            case "experience" -> "Now let's talk about your work experience. "
                    + "Can you tell me about your current or most recent position?";
            case "education" -> "Now, what about your education? Which degree do you hold, in what field, "
                    + "from which institution, and when did you graduate?";
            case "skills" -> "What are your key skills? Tell me your core competencies, the software you use, "
                    + "the languages you speak and any certifications.";
            case "projects" -> "Could you tell me about a key project or achievement - its name, what you did, "
                    + "and the tools you used?";
            case SUMMARY -> "Finally, how would you summarize your professional profile in two or three sentences?";
            default -> facts.has("/awards_and_recognitions")
                    ? "Your CV is complete and ready to be finalized!"
                    : "Your CV now has everything it needs! If you have any awards or recognitions, tell me and "
                    + "I'll add them; otherwise you can finalize your CV.";
        };
    }

    private static List<String> contactMissing(Facts facts) {
        List<String> missing = new ArrayList<>();
        if (!facts.has("/personal_info/email")) {
            missing.add("email");
        }
        if (!facts.has("/personal_info/phone")) {
            missing.add("phone number");
        }
        if (!facts.has("/personal_info/location")) {
            missing.add("location");
        }
        return missing;
    }

    private static String contactQuestion(List<String> missing) {
        if (missing.size() == 3) {
            return "Could you share your contact information - email, phone number, and location?";
        }
        return "Could you also share your " + String.join(" and ", missing) + "?";
    }
}
