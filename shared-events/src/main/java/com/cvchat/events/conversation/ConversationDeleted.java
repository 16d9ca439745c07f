package com.cvchat.events.conversation;

import com.cvchat.events.WireType;

/** Tombstone: the chat conversation was deleted. Replay must not bring it back. */
@WireType(name = "chat.conversation-deleted", version = 1)
public record ConversationDeleted(String reason) implements ConversationEvent {
}
