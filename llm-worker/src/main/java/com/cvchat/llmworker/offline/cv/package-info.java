/**
 * The offline provider's CV-builder turn ({@code cv_turn}), owned by the CV-builder work.
 *
 * <p>{@link com.cvchat.llmworker.offline.cv.DeterministicCvTurn} reads the user's message with regular expressions
 * over natural sentences — no model, no network, same answer every time — and returns
 * {@code {"patch": <only what this message adds or corrects>, "message": <reply and next question>}}.
 * What it understands:
 * <ul>
 *   <li>personal info: "I am Sarah Johnson, a Senior Data Scientist", "my name is …" (a name in any script, kept as
 *       written, also with a second script beside it: "Ivan Petrov (Иван Петров)"), "I work as a …", emails,
 *       phone numbers (a "+" prefix, 10+ digits, or a phone word before it; never a year range), "I'm in / based in /
 *       live in Boston, MA", LinkedIn URLs, other URLs or "my portfolio is …" as website;</li>
 *   <li>jobs: "… a Data Analyst at Acme Corp in Chicago, IL from June 2016 to Dec 2019", "at DataTech as a … since
 *       January 2020" (present tense or "since" → end date {@code Present}); achievement sentences starting with an
 *       action verb ("I led …", "- Built …") become bullets of the job in the same message, else of the job talked
 *       about last;</li>
 *   <li>degrees: Bachelor's/Master's/BSc/MSc/PhD/MBA … "in" field, "from/at" institution (or a name containing
 *       University/College/Institute), graduation date, honours/GPA as details;</li>
 *   <li>skills: "my skills include …" (core competencies), "I use / proficient in / tools: …" (software), "I speak …"
 *       (languages, "English (Native)"), "certifications: … / I'm certified in …";</li>
 *   <li>projects ("project called X that … using A and B", "key project: X - …"), awards ("I won / received / was
 *       awarded …" naming an award, prize, medal, scholarship …; "awards: …");</li>
 *   <li>summary: "summary: …", or a free answer of six words or more when the summary is what was asked;</li>
 *   <li>dates to {@code MM/YYYY} ("January 2020", "Sept. 2019", "3/2018", "2021-11"; a year alone → {@code 01/YYYY})
 *       or {@code Present} ("now", "present", "currently").</li>
 * </ul>
 * Corrections need no special casing: "actually my phone is …" extracts the phone again and cv-builder's merge
 * replaces the old value; "I left Acme in 2022" sets that job's end date. A removal ("remove the Acme job") cannot be
 * a patch: the answer names it under {@code "remove"}, cv-builder's merge takes it out, and the reply says so and
 * asks for what is missing once it is gone. The reply says briefly what
 * was understood ({@link com.cvchat.llmworker.offline.cv.Understood}), or shows a sentence that would work; the next
 * question follows the order a person would ask: name and title, contact details, experience, education, skills,
 * projects, summary, then optional awards. A section already given is never asked for again.
 *
 * <p>No junk first: a sentence about a job or a degree never adds skills or certifications. The figures, and the
 * corpus that holds them, are in llm-worker's README ("The offline model").
 *
 * <p>Cover letters ({@code doc_type = cover_letter}): personal info as above, "applying for the X position at
 * Company", "the hiring manager is Name, title", "address is …"; the letter's text is either marked ("Opening: …",
 * "Paragraph: …", "Closing: …") or is the answer to the section just asked for (opening, then body paragraphs, then
 * closing).
 */
package com.cvchat.llmworker.offline.cv;
