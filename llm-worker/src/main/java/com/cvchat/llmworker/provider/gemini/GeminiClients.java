package com.cvchat.llmworker.provider.gemini;

import com.google.genai.Client;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import okhttp3.OkHttpClient;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SDK {@link Client} per API key (users may bring their own), kept in a small LRU and sharing one OkHttp
 * connection pool. The SDK's own retries are switched off on purpose ({@code attempts = 1}): by default it retries
 * 408/429/5xx up to five times without reading {@code retryDelay} and without our time cap, so retrying is done by
 * {@link GeminiRetryPolicy} instead.
 */
final class GeminiClients implements AutoCloseable {

    private static final int MAX_CLIENTS = 64;

    private final GeminiProperties properties;
    private final OkHttpClient http;
    private final Map<String, Client> clients = new LinkedHashMap<>(16, 0.75f, true);

    GeminiClients(GeminiProperties properties) {
        this.properties = properties;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.connectTimeout())
                .retryOnConnectionFailure(false)
                .addInterceptor(new GeminiHttpInterceptor())
                .build();
    }

    synchronized Client forKey(String apiKey) {
        Client client = clients.get(apiKey);
        if (client == null) {
            client = build(apiKey);
            clients.put(apiKey, client);
            if (clients.size() > MAX_CLIENTS) {
                var eldest = clients.entrySet().iterator().next();
                clients.remove(eldest.getKey());
            }
        }
        return client;
    }

    private Client build(String apiKey) {
        HttpOptions.Builder options = HttpOptions.builder()
                .retryOptions(HttpRetryOptions.builder().attempts(1).build());
        if (properties.baseUrl() != null) {
            options.baseUrl(properties.baseUrl());
        }
        return Client.builder()
                .apiKey(apiKey)
                .vertexAI(false)
                .httpOptions(options.build())
                .clientOptions(ClientOptions.builder().customHttpClient(http).build())
                .build();
    }

    @Override
    public synchronized void close() {
        clients.clear();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
