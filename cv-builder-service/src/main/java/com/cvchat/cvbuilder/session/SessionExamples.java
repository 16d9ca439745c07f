package com.cvchat.cvbuilder.session;

/** Requests and answers of the CV-builder API as cv-chat-api.md shows them, the examples of the OpenAPI document. */
final class SessionExamples {

    static final String START = """
            {"initial_message": "Hi! I am Sarah Johnson, a Senior Data Scientist", "doc_type": "cv"}""";

    static final String CV_DATA = """
            {"personal_info": {"full_name": "Sarah Johnson", "title": "Senior Data Scientist", "phone": "+1-555-9999",
              "email": "sarah@datatech.com", "linkedin": "", "website": "", "location": "Boston, MA"},
             "summary": "", "experience": [], "education": [],
             "skills": {"core_competencies": [], "software_proficiency": [], "language_fluency": [],
              "certifications": []},
             "key_projects_achievements": [], "awards_and_recognitions": []}""";

    static final String STARTED = "{\"session_id\": \"550e8400-e29b-41d4-a716-446655440000\", \"message\": "
            + "\"Great to meet you, Sarah! Could you share your email, phone number and location?\", \"cv_data\": "
            + CV_DATA + ", \"progress\": 16, \"is_complete\": false}";

    static final String MESSAGE = """
            {"session_id": "550e8400-e29b-41d4-a716-446655440000",
             "message": "My email is sarah@datatech.com, phone is +1-555-9999, I'm in Boston, MA"}""";

    static final String REPLIED = "{\"session_id\": \"550e8400-e29b-41d4-a716-446655440000\", \"message\": "
            + "\"Perfect! Now let's talk about your work experience.\", \"cv_data\": " + CV_DATA
            + ", \"progress\": 33, \"is_complete\": false, \"fields_collected\": [\"personal_info\"], "
            + "\"missing_fields\": [\"summary\", \"experience\", \"education\", \"skills\", "
            + "\"key_projects_achievements\"]}";

    static final String SESSIONS = """
            {"sessions": [{"session_id": "550e8400-e29b-41d4-a716-446655440000", "doc_type": "cv", "status": "active",
              "progress": 67, "updated_at": "2025-11-15T21:05:30.123Z"}]}""";

    static final String FINALIZE = """
            {"title": "Sarah Johnson - Data Scientist CV", "template_code": "professional"}""";

    static final String FINALIZED = "{\"message\": \"CV created successfully from chat session\", \"document\": "
            + "{\"id\": \"3f0c9a57-1d2e-4b6a-8c7d-9e0f1a2b3c4d\", "
            + "\"user_id\": \"6f1c2d3e-0000-4000-8000-000000000001\", "
            + "\"doc_type\": \"cv\", \"title\": \"Sarah Johnson - Data Scientist CV\", "
            + "\"slug\": \"sarah-johnson-data-scientist-cv\", \"mongo_document_id\": \"6918f28da3b3a4a09026e30a\", "
            + "\"current_version\": 1, \"created_at\": \"2025-11-15T21:37:18.370Z\", "
            + "\"updated_at\": \"2025-11-15T21:37:18.370Z\"}, \"cv_data\": " + CV_DATA + "}";

    private SessionExamples() {
    }
}
