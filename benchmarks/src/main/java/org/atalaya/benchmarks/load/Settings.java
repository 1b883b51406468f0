package org.atalaya.benchmarks.load;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A harness command's settings, {@code key=value} on its command line; a key the command does not
 * read is an error, so a misspelt setting never silently runs with the default.
 */
final class Settings {

    private final Map<String, String> given = new HashMap<>();
    private final Set<String> read = new HashSet<>();

    Settings(String[] args) {
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("key=value expected: " + arg);
            }
            given.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
    }

    String text(String key, String otherwise) {
        read.add(key);
        return given.getOrDefault(key, otherwise);
    }

    int integer(String key, int otherwise) {
        return Integer.parseInt(text(key, Integer.toString(otherwise)));
    }

    long number(String key, long otherwise) {
        return Long.parseLong(text(key, Long.toString(otherwise)));
    }

    boolean flag(String key, boolean otherwise) {
        return Boolean.parseBoolean(text(key, Boolean.toString(otherwise)));
    }

    /** The distribution to run: {@code assembly}, by default the build's. */
    Path assembly() {
        return Path.of(text("assembly", "karaf-assembly/target/assembly"));
    }

    /**
     * The run's folder: {@code work}, by default a new one under {@code benchmarks/target/<kind>};
     * made absolute, as the hub is started from inside it.
     */
    Path work(String kind) {
        return Path.of(text("work", "benchmarks/target/" + kind + "/"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
    }

    /** Refuses the settings no one read. */
    void done() {
        Set<String> unknown = new HashSet<>(given.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown settings: " + unknown);
        }
    }
}
