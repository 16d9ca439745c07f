package com.cvchat.cvbuilder.document.render;

/** How a template looks in Word: the font, the accent colour (hex RGB) and the header alignment. */
record DocxStyle(String font, String accent, boolean centeredHeader) {

    static DocxStyle of(String template) {
        return switch (template) {
            case "professional" -> new DocxStyle("Cambria", "111111", true);
            case "modern" -> new DocxStyle("Arial", "0F5E63", false);
            default -> new DocxStyle("Calibri", "1F3A5F", false);
        };
    }
}
