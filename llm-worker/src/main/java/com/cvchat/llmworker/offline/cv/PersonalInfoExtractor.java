package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Name, title, email, phone, location, LinkedIn and website from a message. */
final class PersonalInfoExtractor {

    private static final Pattern NAME = Patterns.cased("(?:\\b[Ii](?:'m|’m| am)|\\b[Mm]y name is|\\b[Mm]y name's|"
            + "\\b[Tt]his is|\\b[Cc]all me|\\b[Nn]ame:)\\s+(?:actually\\s+)?(" + Patterns.NAME + ")");
    private static final Pattern TITLE_AFTER_NAME = Patterns.compile("(?:" + Patterns.NAME + "\\s*,?\\s+(?:a|an|the)\\s+|"
            + "\\b(?:I'm|I’m|I am|my name is|this is)\\s+" + Patterns.NAME + "\\s*,\\s*(?!(?:a|an|the)\\s))("
            + Patterns.PHRASE + ")" + Patterns.PHRASE_END);
    private static final Pattern TITLE_EXPLICIT = Patterns.compile("\\b(?:my (?:job )?title is|title:|"
            + "i work as (?:a|an)|i'm working as (?:a|an)|i am working as (?:a|an)|my role is)\\s+(?:a |an )?("
            + Patterns.PHRASE + ")" + Patterns.PHRASE_END);
    private static final Pattern TITLE_I_AM = Patterns.compile("\\bI(?:'m|’m| am)\\s+(?:currently\\s+|now\\s+)?(?:a|an)\\s+("
            + Patterns.PHRASE + ")" + Patterns.PHRASE_END);
    private static final Pattern EMAIL = Patterns.cased("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Patterns.cased("(?<![\\w/+])(\\+?\\(?\\d[\\d\\s().-]{5,}\\d)(?![\\w/])");
    private static final Pattern PHONE_HINT = Patterns.compile("(?:phone|mobile|cell|tel|telephone|call me|number|reach me)\\D{0,20}$");
    private static final Pattern YEAR_RANGE = Patterns.cased("\\d{4}\\s*[-–.]\\s*\\d{2,4}|\\d{1,2}[/.-]\\d{4}");
    private static final Pattern LINKEDIN = Patterns.compile("(?:https?://)?(?:[a-z]{2,3}\\.)?linkedin\\.com/[\\w%/-]+");
    private static final Pattern URL = Patterns.compile("(?:https?://|www\\.)[^\\s,;]+");
    private static final Pattern WEBSITE_HINT = Patterns.compile("\\b(?:website|site|portfolio|blog|homepage|github)"
            + "(?:\\s+is|\\s+at|:)?\\s+((?:https?://)?[\\w-]+(?:\\.[\\w-]+)+(?:/[^\\s,;]*)?)");

    /** Sets {@code patch}'s {@code personal_info} to what the message says about the person, when it says anything. */
    void addTo(String message, ObjectNode patch) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        extract(message, info);
        if (!info.isEmpty()) {
            patch.set("personal_info", info);
        }
    }

    /** Adds what the message says about the person to {@code personal}. */
    private void extract(String message, ObjectNode personal) {
        Matcher name = NAME.matcher(message);
        while (name.find()) {
            String candidate = name.group(1);
            if (!Patterns.mentionsRole(candidate)) {
                personal.put("full_name", candidate);
                break;
            }
        }
        title(message).ifPresent(title -> personal.put("title", title));
        Matcher email = EMAIL.matcher(message);
        if (email.find()) {
            personal.put("email", email.group().toLowerCase(Locale.ROOT));
        }
        Optional<Matcher> phone = phone(message);
        phone.ifPresent(found -> personal.put("phone", found.group(1).trim()));
        int contactEnd = Math.max(email.find(0) ? lastEnd(email) : -1, phone.map(Matcher::end).orElse(-1));
        LocationFinder.find(message, contactEnd).ifPresent(location -> personal.put("location", location));
        Matcher linkedin = LINKEDIN.matcher(message);
        if (linkedin.find()) {
            personal.put("linkedin", Text.clean(linkedin.group()));
        }
        website(message).ifPresent(site -> personal.put("website", site));
    }

    private static Optional<String> title(String message) {
        Matcher explicit = TITLE_EXPLICIT.matcher(message);
        if (explicit.find()) {
            return Optional.of(Text.titleCase(explicit.group(1)));
        }
        for (Pattern pattern : new Pattern[]{TITLE_AFTER_NAME, TITLE_I_AM}) {
            Matcher m = pattern.matcher(message);
            while (m.find()) {
                if (Patterns.isRole(m.group(1))) {
                    return Optional.of(Text.titleCase(m.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    private static int lastEnd(Matcher matcher) {
        int end = matcher.end();
        while (matcher.find()) {
            end = matcher.end();
        }
        return end;
    }

    /** The phone number's match (group 1), in a copy of the message whose e-mail addresses are blanked. */
    private static Optional<Matcher> phone(String message) {
        String withoutMail = EMAIL.matcher(message).replaceAll(m -> " ".repeat(m.group().length()));
        Matcher m = PHONE.matcher(withoutMail);
        while (m.find()) {
            String candidate = m.group(1).trim();
            long digits = candidate.chars().filter(Character::isDigit).count();
            boolean hinted = PHONE_HINT.matcher(withoutMail.substring(0, m.start())).find();
            if (digits >= 7 && digits <= 15 && !YEAR_RANGE.matcher(candidate).matches()
                    && (hinted || candidate.startsWith("+") || digits >= 10)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> website(String message) {
        Matcher url = URL.matcher(message);
        while (url.find()) {
            if (!url.group().toLowerCase(Locale.ROOT).contains("linkedin.com")) {
                return Optional.of(Text.clean(url.group()));
            }
        }
        Matcher hinted = WEBSITE_HINT.matcher(message);
        if (hinted.find() && !hinted.group(1).toLowerCase(Locale.ROOT).contains("linkedin.com")) {
            return Optional.of(Text.clean(hinted.group(1)));
        }
        return Optional.empty();
    }
}
