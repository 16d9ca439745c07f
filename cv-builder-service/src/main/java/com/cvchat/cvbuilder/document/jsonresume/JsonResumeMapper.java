package com.cvchat.cvbuilder.document.jsonresume;

import com.cvchat.cvbuilder.document.jsonresume.JsonResume.Basics;
import com.cvchat.events.cv.CvData;
import com.cvchat.events.cv.CvJson;
import com.cvchat.events.cv.WireText;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.cvchat.cvbuilder.document.jsonresume.JsonResume.each;

/**
 * cv_data ({@link CvData}) ⇄ JSON Resume ({@link JsonResume}). Every cv_data field has a place, so export then import
 * gives the same cv_data back for data in the spec's formats; see DOCUMENTS.md for the table.
 */
@Component
public class JsonResumeMapper {

    static final String CORE = "Core competencies";
    static final String SOFTWARE = "Software proficiency";
    private static final Pattern LANGUAGE = Pattern.compile("(.+?)\\s*\\((.+)\\)");

    public ObjectNode toJsonResume(JsonNode data) {
        CvData cv = CvJson.cv(data);
        CvData.PersonalInfo p = cv.personalInfo();
        String[] place = p.location().split(", ", 2);
        JsonResume.Location location = p.location().isEmpty() ? null
                : new JsonResume.Location(null, place[0], place.length > 1 ? place[1] : null, null);
        List<JsonResume.Profile> profiles = p.linkedin().isEmpty() ? List.of()
                : List.of(new JsonResume.Profile("LinkedIn", url(p.linkedin()), null));
        Basics basics = new Basics(orNull(p.fullName()), orNull(p.title()), orNull(p.email()), orNull(p.phone()),
                orNull(url(p.website())), orNull(cv.summary()), location, profiles);
        CvData.Skills skills = cv.skills();
        return JsonResume.MAPPER.valueToTree(new JsonResume(basics,
                map(cv.experience(), j -> new JsonResume.Work(orNull(j.company()), orNull(j.title()), orNull(j.location()),
                        ResumeDates.toIso(j.startDate()), ResumeDates.toIso(j.endDate()), null, j.descriptionBullets())),
                map(cv.education(), e -> new JsonResume.Education(orNull(e.institution()), orNull(e.degree()),
                        orNull(e.fieldOfStudy()), ResumeDates.toIso(e.graduationDate()), orNull(e.details()), null, null)),
                List.of(new JsonResume.Skill(CORE, skills.coreCompetencies()),
                        new JsonResume.Skill(SOFTWARE, skills.softwareProficiency())),
                map(skills.languageFluency(), JsonResumeMapper::language),
                map(skills.certifications(), JsonResume.Certificate::new),
                map(cv.keyProjectsAchievements(), pr -> new JsonResume.Project(orNull(pr.name()),
                        orNull(pr.description()), pr.keyAreasUsed())),
                map(cv.awardsAndRecognitions(), JsonResume.Award::new)));
    }

    /** cv_data from a JSON Resume that passed {@link JsonResumeSchema} validation. */
    public ObjectNode fromJsonResume(JsonNode json) {
        // fitted first: the schema lets fields it does not define (education's summary) hold any kind of value
        JsonResume resume = JsonResume.MAPPER.treeToValue(CvJson.fit(json, JsonResume.SHAPE), JsonResume.class);
        Basics b = resume.basics() == null ? new Basics(null, null, null, null, null, null, null, null) : resume.basics();
        CvData.PersonalInfo personal = new CvData.PersonalInfo(b.name(), b.label(), b.phone(), b.email(),
                linkedin(each(b.profiles())), b.url(), location(b.location()));
        List<String> core = new ArrayList<>();
        List<String> software = new ArrayList<>();
        for (JsonResume.Skill group : each(resume.skills())) {
            String name = WireText.of(group.name());
            List<String> target = SOFTWARE.equalsIgnoreCase(name) ? software : core;
            if (!each(group.keywords()).isEmpty()) {
                target.addAll(group.keywords());
            } else if (!name.isEmpty() && !CORE.equalsIgnoreCase(name)) {
                target.add(name);
            }
        }
        CvData.Skills skills = new CvData.Skills(core, software,
                map(each(resume.languages()), l -> WireText.of(l.fluency()).isEmpty() ? l.language()
                        : WireText.of(l.language()) + " (" + WireText.of(l.fluency()) + ")"),
                map(each(resume.certificates()), JsonResume.Certificate::name));
        return CvJson.tree(new CvData(personal, b.summary(),
                map(each(resume.work()), JsonResumeMapper::job),
                map(each(resume.education()), e -> new CvData.Education(e.institution(), e.studyType(), e.area(),
                        ResumeDates.fromIso(e.endDate()), educationDetails(e))),
                skills,
                map(each(resume.projects()), pr -> new CvData.Project(pr.name(), pr.description(), pr.keywords())),
                map(each(resume.awards()), JsonResume.Award::title)));
    }

    private static JsonResume.Language language(String text) {
        Matcher m = LANGUAGE.matcher(text);
        return m.matches() ? new JsonResume.Language(m.group(1), m.group(2)) : new JsonResume.Language(text, null);
    }

    private static CvData.Job job(JsonResume.Work w) {
        String start = ResumeDates.fromIso(w.startDate());
        String end = ResumeDates.fromIso(w.endDate());
        List<String> bullets = Stream.concat(Stream.ofNullable(w.summary()), each(w.highlights()).stream()).toList();
        return new CvData.Job(w.position(), w.name(), w.location(), start,
                end.isEmpty() && !start.isEmpty() ? ResumeDates.PRESENT : end, bullets);
    }

    private static String educationDetails(JsonResume.Education e) {
        List<String> parts = new ArrayList<>();
        parts.add(WireText.of(e.summary()));
        parts.add(WireText.of(e.score()).isEmpty() ? "" : "Score: " + WireText.of(e.score()));
        parts.add(each(e.courses()).isEmpty() ? "" : "Courses: " + String.join(", ", e.courses()));
        return String.join(". ", parts.stream().filter(part -> !part.isEmpty()).toList());
    }

    private static String linkedin(List<JsonResume.Profile> profiles) {
        return profiles.stream().filter(pr -> WireText.of(pr.network()).toLowerCase(Locale.ROOT).contains("linkedin"))
                .findFirst().map(pr -> WireText.of(pr.url()).isEmpty() ? pr.username() : pr.url()).orElse("");
    }

    private static String location(JsonResume.Location l) {
        return l == null ? "" : String.join(", ", Stream.of(l.address(), l.city(), l.region(), l.countryCode())
                .map(WireText::of).filter(part -> !part.isEmpty()).toList());
    }

    /** A URI for the schema's {@code uri} format: a scheme-less address ("example.com") gets {@code https://}. */
    private static String url(String value) {
        return value.isBlank() || value.contains("://") ? value : "https://" + value;
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static <A, B> List<B> map(List<A> items, java.util.function.Function<A, B> mapping) {
        return items.stream().map(mapping).toList();
    }
}
