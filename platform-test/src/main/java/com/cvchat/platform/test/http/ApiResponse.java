package com.cvchat.platform.test.http;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One answer of the API as a client sees it: the status, the headers and the body (bytes, text, or JSON). A request
 * that never got an answer (the connection failed) has status {@code -1}, its failure as the body, when the client was
 * built {@link ApiClient#tolerateTransportFailures() to tolerate that}.
 */
public final class ApiResponse {

    private final String request;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] bytes;
    private JsonNode json;

    ApiResponse(String request, int status, HttpHeaders headers, byte[] bytes) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.bytes = bytes;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as UTF-8 text. */
    public String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The body as it came (a PDF, a DOCX…). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The body as JSON; an empty object for an empty body. Fails when the body is not JSON. */
    public JsonNode json() {
        if (json == null) {
            json = bytes.length == 0 ? ApiClient.JSON.createObjectNode() : ApiClient.JSON.readTree(bytes);
        }
        return json;
    }

    /** The top-level text field {@code field} of the JSON body ("" when absent). */
    public String text(String field) {
        return json().path(field).asString();
    }

    /** The {@code error} text of an error answer. */
    public String error() {
        return text("error");
    }

    /** This answer, or an {@link IllegalStateException} naming the request when its status is not {@code expected}. */
    public ApiResponse expect(int expected) {
        if (status != expected) {
            throw new IllegalStateException(request + " answered " + status + " (expected " + expected + "): "
                    + body());
        }
        return this;
    }

    @Override
    public String toString() {
        return request + " -> " + status + " " + body();
    }
}
