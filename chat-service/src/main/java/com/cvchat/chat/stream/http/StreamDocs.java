package com.cvchat.chat.stream.http;

/** The streaming endpoints' descriptions and examples in the OpenAPI document (ai-chat-api.md's SSE events). */
final class StreamDocs {

    static final String SEND = """
            Answers `text/event-stream`. Every event has an `id:` and a JSON `data:` line whose `type` is:
            - `start`: `message_id` of the AI's answer, and `title` on the conversation's first message
            - `chunk`: `content`, the next piece of the answer
            - `done`: `message_id`, `disclaimer` (`primary_category`, `detected_categories`, `message`) when the topic \
            is sensitive, `title` when it was generated meanwhile, `cancelled: true` after a cancel
            - `error`: `message`, why the answer failed (the last event)

            Event ids are `<message_id>:<n>` (`<message_id>:end` for `done`/`error`). A dropped connection resumes \
            with `GET /api/v1/chats/{id}/messages/{message_id}/stream` — or this same `POST` — with the header \
            `Last-Event-ID: <last id seen>`: the events after it, then the live ones. Comment lines (`: keep-alive`) \
            may come while the model thinks. `personality` is optional (`default`, `mother_figure`, …).""";

    static final String RESUME = """
            The events of the answer `message_id` after the `Last-Event-ID` header (every event without it), then \
            live ones until `done` or `error`; the same events as `POST /api/v1/chats/{id}/message`.""";

    static final String REQUEST = """
            {"message": "What should I expect in my first trimester?", "personality": "mother_figure"}""";

    static final String EVENTS = """
            id: 0b6f2d1e-5c3a-4e8f-9a1b-2c3d4e5f6a7b:0
            data: {"type":"start","message_id":"0b6f2d1e-5c3a-4e8f-9a1b-2c3d4e5f6a7b","title":"Pregnancy Questions"}

            id: 0b6f2d1e-5c3a-4e8f-9a1b-2c3d4e5f6a7b:6
            data: {"type":"chunk","content":"During"}

            id: 0b6f2d1e-5c3a-4e8f-9a1b-2c3d4e5f6a7b:end
            data: {"type":"done","message_id":"0b6f2d1e-5c3a-4e8f-9a1b-2c3d4e5f6a7b","disclaimer":\
            {"primary_category":"pregnancy","detected_categories":["pregnancy"],\
            "message":"This information is for educational purposes only..."}}

            """;

    static final String RESUMED = """
            id: 0b6f2d1e-5c3a-4e8f-9a1b-2c3d4e5f6a7b:6
            data: {"type":"chunk","content":"During"}

            id: 0b6f2d1e-5c3a-4e8f-9a1b-2c3d4e5f6a7b:end
            data: {"type":"error","message":"The AI could not answer: the model is unavailable"}

            """;

    private StreamDocs() {
    }
}
