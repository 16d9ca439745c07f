package com.cvchat.audit;

import com.cvchat.platform.userkeys.MasterKey;
import com.cvchat.platform.userkeys.UserKeyStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the replay command finds the user-keys master key, needed to open sealed payloads: {@code --master-key-file},
 * else {@code USER_KEYS_MASTER_KEY} / {@code USER_KEYS_MASTER_KEY_FILE}, else the local stack's
 * {@code <data folder>/user-keys/master.key}. Without one, sealed events cannot be read (the command says so).
 */
final class MasterKeys {

    private MasterKeys() {
    }

    /** The key's source: a file to hand to child processes, or the env they inherit; {@code store} is null when none. */
    record Source(Path file, String value) {
        UserKeyStore store(String bootstrapServers) {
            if (file == null && value == null) {
                return null;
            }
            MasterKey key = MasterKey.load(value, file == null ? null : file.toString());
            return new UserKeyStore(bootstrapServers, key, (short) 1, List.of());
        }

        @Override
        public String toString() {
            return "Source[file=" + file + ", value=" + (value == null ? null : "****") + "]";
        }
    }

    static Source find(String option, Path home) {
        if (option != null) {
            return new Source(Path.of(option).toAbsolutePath(), null);
        }
        String value = System.getenv("USER_KEYS_MASTER_KEY");
        if (value != null && !value.isBlank()) {
            return new Source(null, value);
        }
        String file = System.getenv("USER_KEYS_MASTER_KEY_FILE");
        if (file != null && !file.isBlank()) {
            return new Source(Path.of(file).toAbsolutePath(), null);
        }
        String data = System.getenv("CVCHAT_DATA_DIR");
        Path local = (data == null || data.isBlank() ? home.resolve(".data") : Path.of(data))
                .resolve("user-keys").resolve("master.key");
        return Files.isRegularFile(local) ? new Source(local.toAbsolutePath(), null) : new Source(null, null);
    }
}
