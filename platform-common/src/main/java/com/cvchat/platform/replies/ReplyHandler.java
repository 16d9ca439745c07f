package com.cvchat.platform.replies;

import com.cvchat.events.llm.LlmResponseEvent;

/**
 * Receives the answer events of the requests it subscribed to, in log order. Called on the reply consumer's thread
 * for live answers: it must not block (hand slow work, such as storing, to another thread). Called on a reader's own
 * thread for a replay, where waiting for room is fine.
 */
@FunctionalInterface
public interface ReplyHandler {

    void onReply(LlmResponseEvent event);
}
