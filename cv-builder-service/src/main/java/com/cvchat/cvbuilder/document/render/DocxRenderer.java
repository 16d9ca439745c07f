package com.cvchat.cvbuilder.document.render;

import org.springframework.stereotype.Component;

/** Word (DOCX) output with Apache POI: the same sections and order as the HTML/PDF templates. */
@Component
public class DocxRenderer {

    public byte[] render(RenderRequest request) {
        DocxWriter docx = new DocxWriter(DocxStyle.of(request.template()), request.title());
        if (request.kind() == DocumentKind.COVER_LETTER) {
            letter(docx, CoverLetterView.of(request.data()));
        } else {
            cv(docx, CvView.of(request.data()));
        }
        return docx.toBytes();
    }

    private static void header(DocxWriter docx, CvView.Person person) {
        docx.name(person.name());
        if (!person.title().isEmpty()) {
            docx.headline(person.title());
        }
        if (!person.contacts().isEmpty()) {
            docx.contacts(String.join("  ·  ", person.contacts()));
        }
    }

    private static void cv(DocxWriter docx, CvView cv) {
        header(docx, cv.person());
        if (!cv.summary().isEmpty()) {
            docx.heading("Profile");
            docx.text(cv.summary());
        }
        if (!cv.experience().isEmpty()) {
            docx.heading("Experience");
            for (CvView.Job job : cv.experience()) {
                docx.entryHead(job.title(), job.period());
                String org = String.join(", ", java.util.stream.Stream.of(job.company(), job.location())
                        .filter(s -> !s.isEmpty()).toList());
                if (!org.isEmpty()) {
                    docx.italic(org);
                }
                job.bullets().forEach(docx::bullet);
            }
        }
        if (!cv.education().isEmpty()) {
            docx.heading("Education");
            for (CvView.Degree degree : cv.education()) {
                docx.entryHead(degree.heading(), degree.graduationDate());
                if (!degree.institution().isEmpty()) {
                    docx.italic(degree.institution());
                }
                if (!degree.details().isEmpty()) {
                    docx.text(degree.details());
                }
            }
        }
        if (!cv.skills().isEmpty()) {
            docx.heading("Skills");
            cv.skills().forEach(group -> docx.labelled(group.label(), String.join(", ", group.items())));
        }
        if (!cv.projects().isEmpty()) {
            docx.heading("Key projects and achievements");
            for (CvView.Project project : cv.projects()) {
                docx.entryHead(project.name(), "");
                if (!project.description().isEmpty()) {
                    docx.text(project.description());
                }
                if (!project.keyAreas().isEmpty()) {
                    docx.italic(String.join(" · ", project.keyAreas()));
                }
            }
        }
        if (!cv.awards().isEmpty()) {
            docx.heading("Awards and recognitions");
            cv.awards().forEach(docx::bullet);
        }
    }

    private static void letter(DocxWriter docx, CoverLetterView letter) {
        header(docx, letter.sender());
        if (!letter.date().isEmpty()) {
            docx.spaced(letter.date(), 240);
        }
        for (int i = 0; i < letter.recipientLines().size(); i++) {
            docx.spaced(letter.recipientLines().get(i), i == letter.recipientLines().size() - 1 ? 240 : 0);
        }
        if (!letter.subject().isEmpty()) {
            docx.bold(letter.subject());
        }
        docx.spaced(letter.opening(), 160);
        letter.paragraphs().forEach(p -> docx.spaced(p, 160));
        docx.spaced(letter.closing(), 480);
        docx.bold(letter.signature());
    }
}
