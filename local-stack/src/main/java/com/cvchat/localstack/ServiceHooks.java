package com.cvchat.localstack;

import com.cvchat.localhooks.HooksJar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The hooks jar that every service process of the stack gets on its class path, after the service's own jar: the
 * classes of the {@code local-hooks} module and the {@code META-INF/spring.factories} that registers them
 * ({@link HooksJar}). A service's packaged jar never contains them. Written from this process's own class path, so it
 * works from the reactor's {@code target/classes} as well as from the stack's executable jar.
 */
final class ServiceHooks {

    static final String FILE_NAME = "local-hooks.jar";

    private ServiceHooks() {
    }

    /**
     * The hooks jar in {@code dir}, written unless the same bytes are there. Its time stamp is {@link #builtAt()}, the
     * same in every folder, because the JVM accepts an AOT cache only with class path entries of the time stamps it was
     * made with.
     */
    static Path writeInto(Path dir) {
        try {
            Files.createDirectories(dir);
            Path jar = dir.resolve(FILE_NAME);
            byte[] bytes = bytes();
            if (!Files.isRegularFile(jar) || !Arrays.equals(Files.readAllBytes(jar), bytes)) {
                Path partial = Files.createTempFile(dir, FILE_NAME, ".partial");
                Files.write(partial, bytes);
                Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            if (!Files.getLastModifiedTime(jar).equals(builtAt())) {
                Files.setLastModifiedTime(jar, builtAt());
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the hooks jar into " + dir, e);
        }
    }

    /** When the hook classes were built (an AOT cache older than that was made with other hooks). */
    static FileTime builtAt() {
        long newest = 0;
        for (String name : HooksJar.CLASS_FILES) {
            try {
                newest = Math.max(newest, resource(name).openConnection().getLastModified());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // whole seconds: what every file system keeps
        return FileTime.fromMillis(newest / 1000 * 1000);
    }

    private static byte[] bytes() throws IOException {
        long time = builtAt().toMillis();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(buffer)) {
            add(jar, "META-INF/spring.factories", HooksJar.SPRING_FACTORIES.getBytes(StandardCharsets.UTF_8), time);
            for (String name : HooksJar.CLASS_FILES) {
                try (InputStream in = resource(name).openStream()) {
                    add(jar, name, in.readAllBytes(), time);
                }
            }
        }
        return buffer.toByteArray();
    }

    private static void add(JarOutputStream jar, String name, byte[] content, long time) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(time);
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }

    private static URL resource(String name) {
        URL url = ServiceHooks.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the class path (module local-hooks)");
        }
        return url;
    }
}
