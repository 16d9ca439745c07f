package com.cvchat.auth.erasure;

import com.cvchat.auth.account.AccountService;
import com.cvchat.auth.account.UserAccount;
import com.cvchat.platform.userkeys.UserKeyStore;
import com.cvchat.platform.web.ApiException;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Erases a user (crypto-shredding, see audit-replay/README.md): first the user's data keys are destroyed on
 * {@code user.keys} and the erasure record is written there (chat-service and cv-builder-service delete the user's
 * read models when they see it; every sealed payload of the user on {@code conversation.events} now decodes as erased),
 * then the account, its refresh tokens and its stored Gemini key are deleted. Kafka goes first so that a failure
 * leaves the account in place and the request can simply be repeated (every step is idempotent).
 */
@Service
class AccountErasure {

    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

    private final AccountService accounts;
    private final ObjectProvider<UserKeyStore> keys;
    private final MongoTemplate mongo;

    AccountErasure(AccountService accounts, ObjectProvider<UserKeyStore> keys, MongoTemplate mongo) {
        this.accounts = accounts;
        this.keys = keys;
        this.mongo = mongo;
    }

    void eraseOwnAccount(String userId, String password) {
        UserAccount account = accounts.find(userId)
                .orElseThrow(() -> ApiException.notFound("User not found"));
        if (accounts.authenticate(account.email(), password).isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "The password is not correct");
        }
        erase(userId);
    }

    private void erase(String userId) {
        UserKeyStore store = keys.getIfAvailable();
        if (store == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Erasure is not available on this server (no user-keys master key is configured)");
        }
        try {
            store.erase(userId);
        } catch (IllegalStateException | KafkaException e) {
            log.warn("Erasure of user {} could not reach Kafka: {}", userId, e.getMessage());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Erasure is unavailable right now; please try again");
        }
        mongo.remove(new Query(where("userId").is(userId)), "refresh_tokens");
        mongo.remove(new Query(where("_id").is(userId)), "gemini_api_keys");
        mongo.remove(new Query(where("_id").is(userId)), UserAccount.class);
        log.info("User {} erased: account, refresh tokens and Gemini key deleted", userId);
    }
}
