package com.cvchat.cvbuilder.document;

import com.cvchat.platform.web.ApiException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Reads of the document read model, always scoped to the owner: someone else's document is "not found". */
@Component
public class DocumentQueries {

    private final MongoTemplate mongo;

    public DocumentQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public DocumentRecord owned(String userId, String documentId) {
        return Optional.ofNullable(mongo.findOne(Query.query(live(userId).and("_id").is(documentId)), DocumentRecord.class))
                .orElseThrow(() -> ApiException.notFound("Document not found"));
    }

    public Optional<DocumentRecord> bySession(String userId, String sessionId) {
        return Optional.ofNullable(mongo.findOne(Query.query(live(userId).and("sessionId").is(sessionId)),
                DocumentRecord.class));
    }

    /** One page (0-based) of the owner's documents, most recently updated first. */
    public List<DocumentRecord> page(String userId, int page, int size) {
        Query query = Query.query(live(userId)).with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, DocumentRecord.class);
    }

    public long count(String userId) {
        return mongo.count(Query.query(live(userId)), DocumentRecord.class);
    }

    public List<DocumentVersionRecord> versions(String documentId) {
        return mongo.find(Query.query(Criteria.where("documentId").is(documentId)).with(Sort.by("version")),
                DocumentVersionRecord.class);
    }

    public DocumentVersionRecord version(String documentId, int version) {
        return Optional.ofNullable(mongo.findById(DocumentVersionRecord.idOf(documentId, version), DocumentVersionRecord.class))
                .orElseThrow(() -> ApiException.notFound("Version " + version + " of this document not found"));
    }

    /** Documents of {@code userId} that exist: created by a version event and not deleted. */
    private static Criteria live(String userId) {
        return Criteria.where("userId").is(userId).and("deleted").ne(true).and("currentVersion").gte(1);
    }
}
