package com.cvchat.cvbuilder.erasure;

import com.cvchat.cvbuilder.document.DocumentRecord;
import com.cvchat.cvbuilder.document.DocumentVersionRecord;
import com.cvchat.platform.userkeys.UserErasedListener;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * cv-builder-service's part of erasing a user: their CV sessions, documents and every version are deleted outright
 * (the log's events of that user decode as erased, so a replay produces nothing for them either).
 */
@Component
class CvUserErasure implements UserErasedListener {

    private static final Logger log = LoggerFactory.getLogger(CvUserErasure.class);
    private static final String SESSIONS = "cv_sessions";

    private final MongoTemplate mongo;

    CvUserErasure(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void onUserErased(String userId) {
        List<String> documents = mongo.find(new Query(where("userId").is(userId)), Document.class,
                DocumentRecord.COLLECTION).stream().map(d -> d.getString("_id")).toList();
        mongo.remove(new Query(where("documentId").in(documents)), DocumentVersionRecord.COLLECTION);
        mongo.remove(new Query(where("userId").is(userId)), DocumentRecord.COLLECTION);
        long sessions = mongo.remove(new Query(where("user_id").is(userId)), SESSIONS).getDeletedCount();
        if (!documents.isEmpty() || sessions > 0) {
            log.info("Erased user {}: {} document(s), {} CV session(s)", userId, documents.size(), sessions);
        }
    }
}
