package com.cvchat.events.conversation;

import com.cvchat.events.EventPayload;

/**
 * What travels on {@code conversation.events}: every state change of chat conversations, CV sessions,
 * documents and voice turns. The envelope's conversation id is the aggregate id, its user id who did it,
 * its occurred-at when. {@link ErasedEvent} is not a wire type: it is what a payload decodes to after erasure.
 */
public sealed interface ConversationEvent extends EventPayload
        permits ConversationCreated, MessageAdded, TitleSet, ConversationDeleted,
                CvSessionStarted, CvMessageAdded, CvDataUpdated, CvSessionFinalized,
                DocumentVersionCreated, DocumentUpdated, DocumentDeleted,
                VoiceTurnTranscribed, ErasedEvent {
}
