package com.cvchat.chat.stream.http;

import com.cvchat.chat.conversation.Conversations;
import com.cvchat.platform.web.ApiException;

/**
 * A parsed {@code Last-Event-ID}: the AI message it belongs to and the index of the last event the client has
 * ({@link Long#MAX_VALUE} for the final event).
 */
record StreamPosition(String messageId, long lastIndex) {

    static StreamPosition parse(String lastEventId) {
        int colon = lastEventId == null ? -1 : lastEventId.lastIndexOf(':');
        if (colon < 0 || !Conversations.isUuid(lastEventId.substring(0, colon))) {
            throw ApiException.badRequest("Last-Event-ID is not an event id of this stream");
        }
        String index = lastEventId.substring(colon + 1);
        if (SseEvents.END.equals(index)) {
            return new StreamPosition(lastEventId.substring(0, colon), Long.MAX_VALUE);
        }
        try {
            long value = Long.parseLong(index);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return new StreamPosition(lastEventId.substring(0, colon), value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Last-Event-ID is not an event id of this stream");
        }
    }

    boolean complete() {
        return lastIndex == Long.MAX_VALUE;
    }
}
