package com.cvchat.audit;

import com.cvchat.localstack.ServiceSpec;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The read models that replay rebuilds: chat-service's and cv-builder-service's databases. Rebuilding runs each
 * service's own jar in replay mode ({@code platform.replay.enabled=true}), so events are applied by the same projectors
 * that apply them live.
 */
final class ReadModels {

    static final List<ServiceSpec> REPLAYED = List.of(ServiceSpec.CHAT, ServiceSpec.CV_BUILDER);

    /**
     * The collections each replayed service's projectors write: the read models. Other collections of those
     * databases (chat-service's {@code streams} resume positions) are operational state, not derived from the log.
     */
    static final Map<ServiceSpec, List<String>> READ_MODEL_COLLECTIONS = Map.of(
            ServiceSpec.CHAT, List.of("conversations", "messages"),
            ServiceSpec.CV_BUILDER, List.of("cv_sessions", "documents", "document_versions"));

    private final Path home;
    private final String bootstrapServers;
    private final String mongoUri;
    private final Path masterKeyFile;

    ReadModels(Path home, String bootstrapServers, String mongoUri) {
        this(home, bootstrapServers, mongoUri, null);
    }

    /** {@code masterKeyFile}: the user-keys master key handed to the replaying services (else they inherit the env). */
    ReadModels(Path home, String bootstrapServers, String mongoUri, Path masterKeyFile) {
        this.home = home;
        this.masterKeyFile = masterKeyFile;
        this.bootstrapServers = bootstrapServers;
        this.mongoUri = mongoUri.endsWith("/") ? mongoUri.substring(0, mongoUri.length() - 1) : mongoUri;
    }

    /** Drops and rebuilds {@code <db><suffix>} for each replayed service; returns service → database. */
    Map<String, String> rebuild(String suffix) {
        Map<String, String> rebuilt = new LinkedHashMap<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (ServiceSpec spec : REPLAYED) {
                String database = spec.database() + suffix;
                client.getDatabase(database).drop();
                replay(spec, database);
                rebuilt.put(spec.module(), database);
            }
        }
        return rebuilt;
    }

    /** Rebuilds into scratch databases and lists every difference with the live ones (then drops the scratch). */
    List<String> verify() {
        String suffix = "_verify_" + System.currentTimeMillis();
        List<String> differences = new ArrayList<>();
        Map<String, String> rebuilt = rebuild(suffix);
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (ServiceSpec spec : REPLAYED) {
                MongoDatabase live = client.getDatabase(spec.database());
                MongoDatabase scratch = client.getDatabase(rebuilt.get(spec.module()));
                differences.addAll(compare(spec.database(), live, scratch, READ_MODEL_COLLECTIONS.get(spec)));
                scratch.drop();
            }
        }
        return differences;
    }

    /** Every document that differs between the two databases in the given collections. */
    static List<String> compare(String name, MongoDatabase live, MongoDatabase rebuilt, List<String> collections) {
        List<String> differences = new ArrayList<>();
        for (String collection : collections) {
            Map<String, Document> a = byId(live, collection);
            Map<String, Document> b = byId(rebuilt, collection);
            for (String id : new TreeSet<>(a.keySet())) {
                if (!b.containsKey(id)) {
                    differences.add(name + "." + collection + " " + id + ": in the live database, missing after replay");
                } else if (!Objects.equals(a.get(id), b.get(id))) {
                    differences.add(name + "." + collection + " " + id + ": differs\n    live:   " + a.get(id).toJson()
                            + "\n    replay: " + b.get(id).toJson());
                }
            }
            for (String id : new TreeSet<>(b.keySet())) {
                if (!a.containsKey(id)) {
                    differences.add(name + "." + collection + " " + id + ": produced by replay, not in the live database");
                }
            }
        }
        return differences;
    }

    private static Map<String, Document> byId(MongoDatabase database, String collection) {
        Map<String, Document> documents = new TreeMap<>();
        database.getCollection(collection).find().forEach(d -> documents.put(String.valueOf(d.get("_id")), d));
        return documents;
    }

    private void replay(ServiceSpec spec, String database) {
        Path jar = home.resolve(spec.module()).resolve("target").resolve(spec.module() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-Xmx384m", "-jar", jar.toString(),
                "--platform.replay.enabled=true",
                "--spring.main.web-application-type=none",
                "--spring.kafka.listener.auto-startup=false",
                "--platform.kafka.create-topics=false",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.mongodb.uri=" + mongoUri + "/" + database);
        try {
            Path log = Files.createTempFile("replay-" + spec.module(), ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (masterKeyFile != null) {
                builder.environment().put("USER_KEYS_MASTER_KEY_FILE", masterKeyFile.toString());
            }
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Replay of " + spec.module() + " did not finish; log: " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Replay of " + spec.module() + " failed (exit " + process.exitValue()
                        + "); log: " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + jar + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
