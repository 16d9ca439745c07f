package com.cvchat.cvbuilder.document.render;

import com.cvchat.cvbuilder.document.CvDataMother;
import com.cvchat.cvbuilder.document.jsonresume.JsonResumeMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how long each export format takes for a full CV, and the throughput of the bounded render pool under 16
 * concurrent exports. Not part of the normal build; run it with
 * {@code ./mvnw -B -q verify -pl cv-builder-service -am -Dtest=DocumentRenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the figures in target/surefire-reports/*-output.txt.
 */
class DocumentRenderBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 20;

    @Test
    void printRenderTimes() throws Exception {
        RenderPool pool = new RenderPool(2, 64, Duration.ofMinutes(2));
        HtmlRenderer html = new HtmlRenderer();
        DocumentExporter exporter = new DocumentExporter(html, new PdfRenderer(html), new DocxRenderer(),
                new JsonResumeMapper(), pool);
        RenderRequest request = new RenderRequest(DocumentKind.CV, "modern", "My CV", CvDataMother.fullCv());
        try {
            for (ExportFormat format : ExportFormat.values()) {
                for (int i = 0; i < WARM_UP; i++) {
                    exporter.export(format, request);
                }
                long start = System.nanoTime();
                for (int i = 0; i < RUNS; i++) {
                    assertThat(exporter.export(format, request)).isNotEmpty();
                }
                System.out.printf("%-12s %7.1f ms per export (mean of %d, one at a time)%n", format,
                        (System.nanoTime() - start) / 1e6 / RUNS, RUNS);
            }
            ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
            long start = System.nanoTime();
            List<CompletableFuture<byte[]>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                all.add(CompletableFuture.supplyAsync(() -> exporter.export(ExportFormat.PDF, request), clients));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("PDF x16 concurrent on a pool of 2: %.2f s, %.1f exports/s%n", seconds, 16 / seconds);
            clients.shutdown();
        } finally {
            pool.stop();
        }
    }
}
