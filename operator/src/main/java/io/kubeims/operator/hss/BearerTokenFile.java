package io.kubeims.operator.hss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Supplier;

/**
 * The HSS API token from a file (a mounted Secret), stripped of surrounding white space; re-read when the file's
 * modification time changes, so a rotated Secret is picked up without a restart. {@code toString()} shows the path
 * only.
 */
public final class BearerTokenFile implements Supplier<String> {

    private final Path file;
    private Token current;

    private record Token(FileTime modified, String value) {
    }

    public BearerTokenFile(Path file) {
        this.file = file;
    }

    /**
     * @throws UncheckedIOException  if the file cannot be read
     * @throws IllegalStateException if it is empty
     */
    @Override
    public synchronized String get() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (current == null || !current.modified().equals(modified)) {
                String value = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (value.isEmpty()) {
                    throw new IllegalStateException("the HSS API token file " + file + " is empty");
                }
                current = new Token(modified, value);
            }
            return current.value();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the HSS API token file " + file, e);
        }
    }

    @Override
    public String toString() {
        return "BearerTokenFile[" + file + "]";
    }
}
