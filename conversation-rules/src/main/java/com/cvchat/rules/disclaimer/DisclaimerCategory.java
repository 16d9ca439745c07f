package com.cvchat.rules.disclaimer;

import java.util.regex.Pattern;

/**
 * A sensitive topic that earns a disclaimer: its wire name, the disclaimer text, and the words that reveal it.
 * Declaration order is the tie-break priority when two categories are mentioned equally often.
 */
public enum DisclaimerCategory {
    PREGNANCY("pregnancy",
            "This information is for educational purposes only and is not a substitute for advice from your doctor "
                    + "or midwife. Please consult a qualified healthcare provider about your pregnancy.",
            "pregnan\\w*", "trimester\\w*", "prenatal", "antenatal", "postpartum", "midwi\\w+", "obstetrician\\w*",
            "morning sickness", "fetus\\w*", "foetus\\w*", "fetal", "due date", "expecting a baby", "miscarriage\\w*",
            "gestation\\w*", "ultrasound scan\\w*", "breastfeed\\w*"),
    MENTAL_HEALTH("mental_health",
            "This information is for educational purposes only and is not a substitute for professional mental health "
                    + "care. If you are struggling, please reach out to a qualified professional or, in a crisis, your "
                    + "local emergency number.",
            "depress\\w*", "anxiety", "anxious", "panic attacks?", "suicid\\w*", "self[- ]harm\\w*", "mental health",
            "therapist\\w*", "psychiatr\\w*", "psycholog\\w*", "bipolar", "ptsd", "trauma\\w*", "burnout",
            "eating disorders?", "ocd", "adhd", "lonel\\w+", "grief"),
    MEDICAL("medical",
            "This information is for educational purposes only and is not medical advice. Please consult a doctor or "
                    + "another qualified healthcare provider about your situation.",
            "symptoms?", "diagnos\\w*", "diseases?", "medications?", "medicines?", "doctors?", "physicians?",
            "prescri\\w+", "dosage\\w*", "doses?", "treatments?", "illness\\w*", "infections?", "fever\\w*",
            "headaches?", "migraines?", "chest pain", "blood pressure", "diabetes", "cancer\\w*", "surgery",
            "surgeries", "allerg\\w+", "vaccin\\w+", "antibiotics?", "ibuprofen", "paracetamol", "insulin",
            "side effects?", "hospitals?", "injur\\w+", "rash\\w*"),
    LEGAL("legal",
            "This information is for general educational purposes only and is not legal advice. Laws differ between "
                    + "places; please consult a qualified lawyer about your situation.",
            "lawyers?", "attorneys?", "solicitors?", "lawsuits?", "suing", "sued", "courts?", "legal\\w*",
            "illegal\\w*", "contracts?", "custody", "divorce\\w*", "visas?", "immigration", "tenant\\w*",
            "landlord\\w*", "evict\\w*", "copyright\\w*", "trademark\\w*", "liabilit\\w+", "criminal\\w*",
            "arrest\\w*", "testament", "litigation", "defamation", "employment tribunal"),
    FINANCIAL("financial",
            "This information is for general educational purposes only and is not financial advice. Please consult a "
                    + "qualified financial adviser before making financial decisions.",
            "invest(?:s|ed|ing|ments?|ors?)?", "stocks?", "crypto\\w*", "bitcoin", "retirement",
            "pensions?", "mortgage\\w*", "loans?", "debts?", "credit cards?", "credit scores?", "tax(?:es|ed|ation)?",
            "savings", "budget\\w*", "interest rates?", "inflation", "401\\(k\\)", "index funds?",
            "mutual funds?", "etfs?", "bankrupt\\w*", "financ\\w*");

    private final String wireName;
    private final String disclaimerText;
    /** Every term of the category as one alternation between word boundaries: one scan of the text per category. */
    private final Pattern terms;

    DisclaimerCategory(String wireName, String disclaimerText, String... terms) {
        this.wireName = wireName;
        this.disclaimerText = disclaimerText;
        this.terms = Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
                + java.util.Arrays.stream(terms).map(term -> term.replace(" ", "\\s+"))
                        .collect(java.util.stream.Collectors.joining("|"))
                + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The name on the wire ({@code primary_category}, {@code detected_categories}). */
    public String wireName() {
        return wireName;
    }

    /** The disclaimer shown to the user when this is the primary category. */
    public String disclaimerText() {
        return disclaimerText;
    }

    /** How many times words of this category occur in {@code text}. */
    int occurrencesIn(String text) {
        int count = 0;
        var matcher = terms.matcher(text);
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
