package com.cvchat.platform.faults;

/**
 * Fault injection for crash tests, off unless {@code platform.faults.halt-after-publish=<event type>} is set (e.g.
 * {@code chat.title-set}): the process halts at once ({@link Runtime#halt}, no shutdown hook, like a power cut) right
 * after the broker acknowledged an event of that type and before the projector applies it to the database. Never
 * set it in production.
 */
public final class HaltAfterPublish {

    /** Exit status of a halted process (128 + 9, as after SIGKILL). */
    public static final int STATUS = 137;

    private final String eventType;

    public HaltAfterPublish(String eventType) {
        this.eventType = eventType == null || eventType.isBlank() ? null : eventType.strip();
    }

    public static HaltAfterPublish off() {
        return new HaltAfterPublish(null);
    }

    public boolean armedFor(String type) {
        return eventType != null && eventType.equals(type);
    }

    /** Halts the JVM when armed for {@code type}; otherwise does nothing. */
    public void afterAcknowledged(String type) {
        if (armedFor(type)) {
            System.err.println("platform.faults.halt-after-publish: halting after " + type + " was acknowledged");
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
