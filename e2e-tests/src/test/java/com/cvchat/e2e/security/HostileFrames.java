package com.cvchat.e2e.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hostile frames for the voice WebSocket, in the order they are sent on one socket: each must be answered with an
 * {@code error} frame, and the socket must stay usable. Values are text frames, or {@code byte[]} for binary ones.
 */
final class HostileFrames {

    private HostileFrames() {
    }

    static Map<String, Object> beforeStartTalking() {
        Map<String, Object> frames = new LinkedHashMap<>();
        frames.put("not JSON", "hello there");
        frames.put("truncated JSON", "{\"type\": \"start_tal");
        frames.put("JSON array", "[1,2,3]");
        frames.put("JSON string", "\"start_talking\"");
        frames.put("JSON null", "null");
        frames.put("no type", "{}");
        frames.put("type is a number", "{\"type\": 42}");
        frames.put("type is an object", "{\"type\": {\"$ne\": null}}");
        frames.put("unknown type", "{\"type\": \"launch_missiles\"}");
        frames.put("type with a NUL character", "{\"type\": \"start_talking\\u0000\"}");
        frames.put("raw control characters", "{\"type\": \"ping\u0001\u0000\"}");
        frames.put("5,000 nested arrays", "{\"type\": \"ping\", \"timestamp\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        frames.put("audio_chunk before start_talking", audio(Base64.getEncoder().encodeToString(new byte[320])));
        frames.put("stop_talking before start_talking", "{\"type\": \"stop_talking\"}");
        frames.put("start_talking with an unknown encoding", "{\"type\": \"start_talking\", \"encoding\": \"MP3\"}");
        frames.put("start_talking with encoding as an object", "{\"type\": \"start_talking\", \"encoding\": {\"a\": 1}}");
        frames.put("start_talking with a negative sample rate", "{\"type\": \"start_talking\", \"sample_rate_hz\": -1}");
        frames.put("start_talking with a sample rate beyond int", "{\"type\": \"start_talking\", \"sample_rate_hz\": 1e12}");
        frames.put("start_talking with a text sample rate", "{\"type\": \"start_talking\", \"sample_rate_hz\": \"fast\"}");
        frames.put("binary frame", new byte[]{0, 1, 2, 3});
        frames.put("binary frame of bytes that are not UTF-8", new byte[]{(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xfe});
        return frames;
    }

    /** Sent after a valid {@code start_talking}. */
    static Map<String, Object> whileTalking() {
        Map<String, Object> frames = new LinkedHashMap<>();
        frames.put("audio_chunk: data not base64", audio("!!! not base64 !!!"));
        frames.put("audio_chunk: base64 of a wrong length", audio("abcde"));
        frames.put("audio_chunk: base64url alphabet", audio("_-_-_-_-"));
        frames.put("audio_chunk: data with a NUL character", audio("AAAA\\u0000AAAA"));
        frames.put("audio_chunk: data empty", audio(""));
        frames.put("audio_chunk: data a number", "{\"type\": \"audio_chunk\", \"data\": 12345}");
        frames.put("audio_chunk: data an object", "{\"type\": \"audio_chunk\", \"data\": {\"b64\": \"AAAA\"}}");
        frames.put("audio_chunk: no data", "{\"type\": \"audio_chunk\"}");
        frames.put("audio_chunk: 300 KB of audio in one chunk (limit 64 KB)",
                audio(Base64.getEncoder().encodeToString(new byte[300 * 1024])));
        return frames;
    }

    /** Beyond the container's message limit (512 KiB): closed with 1009 "message too big". */
    static String oversizedFrame() {
        return audio("A".repeat(1024 * 1024));
    }

    private static String audio(String data) {
        return "{\"type\": \"audio_chunk\", \"data\": \"" + data + "\"}";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
