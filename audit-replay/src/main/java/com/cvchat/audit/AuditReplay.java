package com.cvchat.audit;

import com.cvchat.events.json.EventJson;
import com.cvchat.platform.replay.ConversationLog;
import com.cvchat.platform.userkeys.UserKeyStore;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./audit rebuild | verify | export --conversation <id>} — see the README's "Audit" section.
 * Exit codes: 0 success, 1 differences found (verify), 2 usage or connection error.
 */
public final class AuditReplay {

    private AuditReplay() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            System.exit(run(args, out));
        } catch (IllegalArgumentException e) {
            System.err.println("audit-replay: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("audit-replay: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs one mode, printing to {@code out}; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        if (args.length == 0) {
            throw new IllegalArgumentException("a mode is required");
        }
        Map<String, String> options = options(args);
        String bootstrap = options.getOrDefault("bootstrap-servers",
                env("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        String mongo = options.getOrDefault("mongo", env("MONGO_URI", "mongodb://localhost:27017"));
        Path home = Path.of(options.getOrDefault("home", env("CVCHAT_HOME", "."))).toAbsolutePath().normalize();
        MasterKeys.Source master = MasterKeys.find(options.get("master-key-file"), home);
        ReadModels readModels = new ReadModels(home, bootstrap, mongo, master.file());
        return switch (args[0]) {
            case "export" -> {
                String conversation = options.get("conversation");
                if (conversation == null || conversation.isBlank()) {
                    throw new IllegalArgumentException("export needs --conversation <id>");
                }
                try (UserKeyStore keys = master.store(bootstrap)) {
                    new ConversationLog(bootstrap, keys).history(conversation)
                            .forEach(e -> out.println(EventJson.toJson(e)));
                }
                yield 0;
            }
            case "rebuild" -> {
                String suffix = options.getOrDefault("suffix", "_rebuild");
                readModels.rebuild(suffix).forEach((service, db) -> out.println(service + " rebuilt into database " + db));
                yield 0;
            }
            case "verify" -> {
                List<String> differences = readModels.verify();
                differences.forEach(out::println);
                out.println(differences.isEmpty() ? "verify: no differences"
                        : "verify: " + differences.size() + " difference(s)");
                yield differences.isEmpty() ? 0 : 1;
            }
            default -> throw new IllegalArgumentException("unknown mode '" + args[0] + "'");
        };
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--") || i + 1 >= rest.size()) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            options.put(arg.substring(2), rest.get(++i));
        }
        return options;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String usage() {
        return """
                usage: ./audit <mode> [--bootstrap-servers host:port] [--mongo mongodb://host:port] [--home repo]
                                      [--master-key-file <file>]   (user-keys master key; default: $USER_KEYS_MASTER_KEY,
                                                                    $USER_KEYS_MASTER_KEY_FILE, else <data>/user-keys/master.key)
                  rebuild [--suffix _rebuild]   rebuild chat and cv read models from conversation.events into <db><suffix>
                  verify                        rebuild into scratch databases, compare with the live ones, exit 1 on any difference
                  export --conversation <id>    the ordered history of one conversation as JSON lines""";
    }
}
