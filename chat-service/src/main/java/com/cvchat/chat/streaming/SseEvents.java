package com.cvchat.chat.streaming;

import com.cvchat.events.json.EventJson;
import com.cvchat.platform.conversation.Disclaimer;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * The SSE events of POST /chats/{id}/message, as the spec writes them ({@code data: {"type": ...}}), each with an
 * {@code id} of the form {@code <message_id>:<n>}: 0 for {@code start}, sequence + 1 for each {@code chunk}, and
 * {@code <message_id>:end} for the last event ({@code done} or {@code error}).
 */
final class SseEvents {

    static final String END = "end";

    /**
     * A comment line sent while a stream waits for the model ({@code chat.stream.heartbeat}): clients ignore it (the
     * SSE format says so), and it keeps proxies and load balancers from closing a quiet connection.
     */
    static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private SseEvents() {
    }

    static String id(String messageId, long index) {
        return messageId + ":" + index;
    }

    static String endId(String messageId) {
        return messageId + ":" + END;
    }

    static ObjectNode start(String messageId, boolean withTitle, String title) {
        ObjectNode node = typed("start").put("message_id", messageId);
        if (withTitle && title != null) {
            node.put("title", title);
        }
        return node;
    }

    static ObjectNode chunk(String content) {
        return typed("chunk").put("content", content);
    }

    static ObjectNode done(String messageId, Disclaimer disclaimer, String title, boolean cancelled) {
        ObjectNode node = typed("done").put("message_id", messageId);
        if (disclaimer != null) {
            ObjectNode d = node.putObject("disclaimer");
            d.put("primary_category", disclaimer.primaryCategory());
            disclaimer.detectedCategories().forEach(d.putArray("detected_categories")::add);
            d.put("message", disclaimer.message());
        }
        if (title != null) {
            node.put("title", title);
        }
        if (cancelled) {
            node.put("cancelled", true);
        }
        return node;
    }

    static ObjectNode error(String message) {
        return typed("error").put("message", message);
    }

    /** The bytes of one event on the wire. */
    static byte[] frame(String id, ObjectNode data) {
        return ("id: " + id + "\ndata: " + EventJson.mapper().writeValueAsString(data) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode typed(String type) {
        return EventJson.mapper().createObjectNode().put("type", type);
    }
}
