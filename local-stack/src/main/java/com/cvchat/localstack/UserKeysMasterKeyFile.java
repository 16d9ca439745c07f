package com.cvchat.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stack's user-keys master key (wraps every user's data key on {@code user.keys}): generated once per data
 * folder into {@code <data>/user-keys/master.key} (mode 600) and reused, so a restart with the same data still opens
 * old events. Services get its path as {@code USER_KEYS_MASTER_KEY_FILE}; the value never goes on a command line.
 */
final class UserKeysMasterKeyFile {

    private UserKeysMasterKeyFile() {
    }

    static synchronized Path ensure(Path dataDir) {
        Path file = dataDir.resolve("user-keys").resolve("master.key").toAbsolutePath();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not POSIX: the data folder's protection applies
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the user-keys master key " + file, e);
        }
    }
}
