package com.cvchat.cvbuilder.document;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The indexes the document queries use; creating an index that exists changes nothing. */
@Component
class DocumentIndexes {

    private final MongoTemplate mongo;

    DocumentIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        mongo.indexOps(DocumentRecord.class).createIndex(new Index()
                .on("userId", Sort.Direction.ASC).on("updatedAt", Sort.Direction.DESC).named("owner_recent"));
        mongo.indexOps(DocumentRecord.class).createIndex(new Index()
                .on("userId", Sort.Direction.ASC).on("sessionId", Sort.Direction.ASC).named("owner_session"));
        mongo.indexOps(DocumentVersionRecord.class).createIndex(new Index()
                .on("documentId", Sort.Direction.ASC).on("version", Sort.Direction.ASC).named("document_version"));
    }
}
