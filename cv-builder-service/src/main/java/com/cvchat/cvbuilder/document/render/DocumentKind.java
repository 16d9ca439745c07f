package com.cvchat.cvbuilder.document.render;

/** How a document's data is read and laid out: a CV, or a cover letter ({@code doc_type = "cover_letter"}). */
public enum DocumentKind {
    CV, COVER_LETTER;

    public static DocumentKind of(String docType) {
        return "cover_letter".equals(docType) ? COVER_LETTER : CV;
    }
}
