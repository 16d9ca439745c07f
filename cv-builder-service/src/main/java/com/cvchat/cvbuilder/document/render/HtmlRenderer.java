package com.cvchat.cvbuilder.document.render;

import com.cvchat.cvbuilder.document.template.TemplateCatalog;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a document as a standalone XHTML page with Thymeleaf ({@code templates/documents/cv.html} and
 * {@code cover-letter.html}); each template code is a style sheet ({@code styles/<code>.css}) over the shared markup.
 * The output is well-formed XML, so the PDF renderer reads it as it is.
 */
@Component
public class HtmlRenderer {

    private static final String ROOT = "templates/documents/";

    private final TemplateEngine engine = new TemplateEngine();
    private final Map<String, String> styles;

    public HtmlRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(ROOT);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        String base = read("styles/base.css");
        styles = TemplateCatalog.CODES.stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), code -> base + read("styles/" + code + ".css")));
    }

    public String render(RenderRequest request) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("title", request.title());
        context.setVariable("template", request.template());
        context.setVariable("css", styles.get(request.template()));
        if (request.kind() == DocumentKind.COVER_LETTER) {
            context.setVariable("letter", CoverLetterView.of(request.data()));
            return engine.process("cover-letter", context);
        }
        context.setVariable("cv", CvView.of(request.data()));
        return engine.process("cv", context);
    }

    private static String read(String path) {
        try {
            return new ClassPathResource(ROOT + path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing style sheet " + path, e);
        }
    }
}
