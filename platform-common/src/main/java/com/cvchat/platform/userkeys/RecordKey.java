package com.cvchat.platform.userkeys;

/**
 * The key of a record on {@code user.keys}, as a type: {@code <user id>/<key id>} is a data key of that user,
 * {@code <user id>} alone the user's erasure record. User ids never contain a slash (they are UUIDs).
 */
public sealed interface RecordKey permits RecordKey.DataKeyId, RecordKey.Erasure {

    String userId();

    /** The record key as written on the topic. */
    String text();

    static RecordKey parse(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? new Erasure(text) : new DataKeyId(text.substring(0, slash), text.substring(slash + 1));
    }

    /** A data key of {@code userId}: wrapped key material, or a tombstone that destroys it. */
    record DataKeyId(String userId, String keyId) implements RecordKey {
        @Override
        public String text() {
            return userId + "/" + keyId;
        }
    }

    /** The erasure record of {@code userId} (kept for good: no secret in it). */
    record Erasure(String userId) implements RecordKey {
        @Override
        public String text() {
            return userId;
        }
    }
}
