package com.cvchat.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB-wire-compatible embedded store (mongo-java-server). On disk (H2 MVStore) for the local stack,
 * in memory for tests. It has no TTL deletion, transactions, change streams or {@code $text}.
 */
public final class MongoStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final String connectionString;

    private MongoStore(MongoBackend backend, String host, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        if (port == 0) {
            this.connectionString = server.bindAndGetConnectionString();
        } else {
            server.bind(host, port);
            this.connectionString = "mongodb://localhost:" + port;
        }
    }

    /** An on-disk store in {@code dataDir}, listening on {@code port}. */
    public static MongoStore onDisk(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MongoStore(new H2Backend(dataDir.resolve("store.mv").toString()), "127.0.0.1", port);
    }

    /** An in-memory store on a free port. */
    public static MongoStore inMemory() {
        return new MongoStore(new MemoryBackend(), "127.0.0.1", 0);
    }

    /** {@code mongodb://host:port} without a database. */
    public String connectionString() {
        return connectionString;
    }

    /** The URI of one database on this store. */
    public String uri(String database) {
        return connectionString + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
