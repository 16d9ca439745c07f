package com.cvchat.chat.stream.http;

import com.cvchat.chat.stream.answer.AnswerEnding;
import com.cvchat.rules.disclaimer.Disclaimer;

import java.nio.charset.StandardCharsets;

/**
 * The SSE events of POST /chats/{id}/message, as the spec writes them ({@code data: {"type": ...}}), each with an
 * {@code id} of the form {@code <message_id>:<n>}: 0 for {@code start}, for each {@code chunk} the number of characters
 * of the answer up to its end, and
 * {@code <message_id>:end} for the last event ({@code done} or {@code error}).
 * <p>
 * Each method returns the whole frame's bytes ({@code id:} line, {@code data:} line, blank line), written directly:
 * no JSON tree per event. Strings are escaped as JSON requires ({@code "}, {@code \}, every control character below
 * U+0020), so a value can never end the string, the line or the event early.
 */
final class SseEvents {

    static final String END = "end";

    /**
     * A comment line sent while a stream waits for the model ({@code chat.stream.heartbeat}): clients ignore it (the
     * SSE format says so), and it keeps proxies and load balancers from closing a quiet connection.
     */
    static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SseEvents() {
    }

    static String id(String messageId, long index) {
        return messageId + ":" + index;
    }

    static String endId(String messageId) {
        return messageId + ":" + END;
    }

    static byte[] start(String messageId, boolean withTitle, String title) {
        StringBuilder frame = open(id(messageId, 0), "start", 64);
        field(frame, "message_id", messageId);
        if (withTitle && title != null) {
            field(frame, "title", title);
        }
        return close(frame);
    }

    /** A chunk whose text ends {@code end} characters into the answer (its id: a resume continues from there). */
    static byte[] chunk(String messageId, long end, String content) {
        StringBuilder frame = open(id(messageId, end), "chunk", content.length() + 16);
        field(frame, "content", content);
        return close(frame);
    }

    /**
     * The event that ends the stream as {@code ending} says: {@code done} (with {@code title}, given on a first
     * message, unless cancelled) or {@code error} with the failure's text.
     */
    static byte[] ending(String messageId, AnswerEnding ending, String title) {
        return ending.failure() != null ? error(messageId, ending.failure())
                : done(messageId, ending.disclaimer(), ending.cancelled() ? null : title, ending.cancelled());
    }

    static byte[] done(String messageId, Disclaimer disclaimer, String title, boolean cancelled) {
        StringBuilder frame = open(endId(messageId), "done", 256);
        field(frame, "message_id", messageId);
        if (disclaimer != null) {
            frame.append(",\"disclaimer\":{");
            string(frame.append("\"primary_category\":"), disclaimer.primaryCategory());
            frame.append(",\"detected_categories\":[");
            for (int i = 0; i < disclaimer.detectedCategories().size(); i++) {
                string(i == 0 ? frame : frame.append(','), disclaimer.detectedCategories().get(i));
            }
            string(frame.append("],\"message\":"), disclaimer.message()).append('}');
        }
        if (title != null) {
            field(frame, "title", title);
        }
        if (cancelled) {
            frame.append(",\"cancelled\":true");
        }
        return close(frame);
    }

    static byte[] error(String messageId, String message) {
        StringBuilder frame = open(endId(messageId), "error", 64);
        field(frame, "message", message);
        return close(frame);
    }

    private static StringBuilder open(String id, String type, int room) {
        return new StringBuilder(id.length() + room + 40).append("id: ").append(id)
                .append("\ndata: {\"type\":\"").append(type).append('"');
    }

    private static byte[] close(StringBuilder frame) {
        return frame.append("}\n\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder frame, String name, String value) {
        string(frame.append(",\"").append(name).append("\":"), value);
    }

    /** {@code value} as a JSON string (null as {@code null}). */
    static StringBuilder string(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, plainFrom, i);
            plainFrom = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.append(value, plainFrom, value.length()).append('"');
    }
}
