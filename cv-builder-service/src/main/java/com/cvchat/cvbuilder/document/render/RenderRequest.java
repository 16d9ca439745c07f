package com.cvchat.cvbuilder.document.render;

import tools.jackson.databind.JsonNode;

/** One document version to render: its kind, the template, its title and data. */
public record RenderRequest(DocumentKind kind, String template, String title, JsonNode data) {
}
