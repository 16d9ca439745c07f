package com.cvchat.events.llm;

import com.cvchat.events.WireType;

/**
 * A piece of a streamed answer.
 *
 * @param sequence 0, 1, 2 … in the order the worker sent them
 * @param offset   how many characters (UTF-16 units) of the answer come before this piece, or null when the producer
 *                 does not say: a reader that saw part of an answer already (a resume, or an answer generated again by
 *                 another worker, whose pieces may be cut differently) takes only the characters it has not sent
 */
@WireType(name = "llm.chunk", version = 1)
public record LlmChunk(String requestId, String origin, long sequence, String text, Long offset)
        implements LlmResponseEvent {

    /** A piece without its offset (see {@link #offset()}). */
    public LlmChunk(String requestId, String origin, long sequence, String text) {
        this(requestId, origin, sequence, text, null);
    }

    /** Where this piece ends in the answer, for a reader that has {@code sent} characters (no offset: it follows them). */
    public long end(long sent) {
        return (offset != null ? offset : sent) + text.length();
    }

    /** The part of this piece after the first {@code sent} characters of the answer ("" when the reader has it all). */
    public String after(long sent) {
        long start = offset != null ? offset : sent;
        return start >= sent ? text : end(sent) <= sent ? "" : text.substring((int) (sent - start));
    }
}
