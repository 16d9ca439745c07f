package com.cvchat.events.conversation;

import com.cvchat.events.WireType;

/** Tombstone: the document was deleted. */
@WireType(name = "document.deleted", version = 1)
public record DocumentDeleted(String documentId) implements ConversationEvent {
}
