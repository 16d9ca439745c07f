package com.cvchat.chat.conversation;

/** Answers of the conversations API as ai-chat-api.md shows them, the examples of the OpenAPI document. */
final class ConversationExamples {

    static final String CONVERSATION = """
            {"id": "123e4567-e89b-12d3-a456-426614174000", "user_id": "6f1c2d3e-0000-4000-8000-000000000001",
             "title": "My First Chat", "created_at": "2025-11-18T21:30:45.123456"}""";

    static final String PAGINATION = """
            {"page": 1, "per_page": 20, "total_count": 1, "total_pages": 1, "next": null, "prev": null}""";

    static final String LIST = "{\"message\": \"User conversation tiles retrieved successfully\", \"data\": "
            + "{\"conversations\": [" + CONVERSATION + "], \"pagination\": " + PAGINATION + "}}";

    static final String CREATED = """
            {"message": "Chat session created successfully", "data": {"id": "123e4567-e89b-12d3-a456-426614174000",
             "user_id": "6f1c2d3e-0000-4000-8000-000000000001", "title": null,
             "created_at": "2025-11-18T21:30:45.123456"}}""";

    static final String WITH_MESSAGES = "{\"message\": \"Conversation retrieved successfully\", \"data\": "
            + "{\"conversation\": " + CONVERSATION + ", \"messages\": ["
            + "{\"id\": \"5b0e1a52-7c1d-4f0e-9b7a-2f6d0c3e8a11\", \"sender\": \"user\", \"message\": \"Hello, Nora!\", "
            + "\"created_at\": \"2025-11-18T21:30:45.123456\"}, "
            + "{\"id\": \"9c41d2b7-3e8f-4a6c-8d1e-7b5a2c9f0e44\", \"sender\": \"ai\", "
            + "\"message\": \"Hello! How can I assist you today?\", "
            + "\"created_at\": \"2025-11-18T21:30:46.789012\"}], \"pagination\": " + PAGINATION + "}}";

    private ConversationExamples() {
    }
}
