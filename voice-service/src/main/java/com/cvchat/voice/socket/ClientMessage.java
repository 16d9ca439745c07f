package com.cvchat.voice.socket;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Base64;

/** Messages a client sends on the voice socket, parsed and checked; anything else is a {@link BadMessage}. */
sealed interface ClientMessage {

    JsonMapper JSON = JsonMapper.builder().build();

    /** @param encoding null = LINEAR16; @param sampleRateHz null = 16000 */
    record StartTalking(String encoding, Integer sampleRateHz) implements ClientMessage {
    }

    record AudioChunk(byte[] audio) implements ClientMessage {
    }

    record StopTalking() implements ClientMessage {
    }

    record Ping(JsonNode timestamp) implements ClientMessage {
    }

    /** Input the server cannot act on; {@link #getMessage()} is shown to the client. */
    final class BadMessage extends RuntimeException {
        BadMessage(String message) {
            super(message, null, false, false);
        }
    }

    static ClientMessage parse(String text, int maxChunkBytes) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new BadMessage("Messages must be JSON objects with a \"type\"");
        }
        if (node == null || !node.isObject()) {
            throw new BadMessage("Messages must be JSON objects with a \"type\"");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isString()) {
            throw new BadMessage("Missing message \"type\" (start_talking, audio_chunk, stop_talking or ping)");
        }
        return switch (type.asString()) {
            case "start_talking" -> startTalking(node);
            case "audio_chunk" -> new AudioChunk(audio(node, maxChunkBytes));
            case "stop_talking" -> new StopTalking();
            case "ping" -> new Ping(node.get("timestamp"));
            default -> throw new BadMessage("Unknown message type \"" + type.asString()
                    + "\" (expected start_talking, audio_chunk, stop_talking or ping)");
        };
    }

    private static StartTalking startTalking(JsonNode node) {
        JsonNode encoding = node.get("encoding");
        JsonNode rate = node.get("sample_rate_hz");
        if (encoding != null && !encoding.isNull() && !encoding.isString()) {
            throw new BadMessage("\"encoding\" must be a string such as \"LINEAR16\"");
        }
        if (rate != null && !rate.isNull() && !rate.canConvertToInt()) {
            throw new BadMessage("\"sample_rate_hz\" must be a whole number such as 16000");
        }
        return new StartTalking(encoding == null || encoding.isNull() ? null : encoding.asString(),
                rate == null || rate.isNull() ? null : rate.asInt());
    }

    private static byte[] audio(JsonNode node, int maxChunkBytes) {
        JsonNode data = node.get("data");
        if (data == null || !data.isString() || data.asString().isEmpty()) {
            throw new BadMessage("audio_chunk needs \"data\": base64-encoded audio");
        }
        String base64 = data.asString();
        if ((long) base64.length() * 3 / 4 > maxChunkBytes + 2) {
            throw new BadMessage("Audio chunk too large: at most " + maxChunkBytes + " bytes of audio per chunk");
        }
        byte[] audio;
        try {
            audio = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new BadMessage("audio_chunk \"data\" is not valid base64");
        }
        if (audio.length > maxChunkBytes) {
            throw new BadMessage("Audio chunk too large: at most " + maxChunkBytes + " bytes of audio per chunk");
        }
        return audio;
    }
}
