package com.cvchat.gateway.apidocs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Comparator;

/**
 * Fetches {@code /v3/api-docs} of each service the gateway routes to (one per route's address, so a new route brings its
 * document along) and merges them. The merged document is kept a minute; while a service does not answer, the document
 * lists it as missing and is fetched again after a few seconds. Fetches go straight to the services, not through the
 * routes: they pass neither the rate limits nor the breakers, and a slow service costs at most {@link #TIMEOUT}.
 */
class MergedApiDocs {

    private static final Logger log = LoggerFactory.getLogger(MergedApiDocs.class);
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration KEEP = Duration.ofMinutes(1);
    static final Duration KEEP_INCOMPLETE = Duration.ofSeconds(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RouteLocator routes;
    private final ApiDocsMerger merger;
    private final WebClient client = WebClient.builder()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    private final Mono<Built> cached;

    MergedApiDocs(RouteLocator routes, ApiDocsMerger merger) {
        this.routes = routes;
        this.merger = merger;
        this.cached = build().cache(built -> built.complete() ? KEEP : KEEP_INCOMPLETE,
                error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** The merged document as JSON text. */
    Mono<String> document() {
        return cached.map(Built::json);
    }

    private record Built(String json, boolean complete) {
    }

    private Mono<Built> build() {
        return routes.getRoutes()
                .filter(route -> route.getUri().getScheme() != null && route.getUri().getScheme().startsWith("http"))
                .sort(Comparator.comparing(Route::getId))
                .flatMapSequential(this::fetch)
                .collectList()
                .map(parts -> new Built(JSON.writeValueAsString(merger.merge(parts)),
                        parts.stream().allMatch(part -> part.document() != null)));
    }

    private Flux<ApiDocsMerger.Part> fetch(Route route) {
        return client.get().uri(route.getUri().resolve("/v3/api-docs")).retrieve().bodyToMono(String.class)
                .timeout(TIMEOUT)
                .map(body -> new ApiDocsMerger.Part(route.getId(), JSON.readTree(body), null))
                .onErrorResume(e -> {
                    log.info("No API document from {} ({}): {}", route.getId(), route.getUri(), e.toString());
                    return Mono.just(new ApiDocsMerger.Part(route.getId(), null, "did not answer"));
                })
                .flux();
    }
}
