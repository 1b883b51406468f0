package org.atalaya.runtime;

import java.util.Arrays;
import java.util.List;

/** Reading connector configuration as operators write it in {@code etc/*.cfg}. */
public final class Settings {

    private Settings() {
    }

    /**
     * A list setting: a {@code .cfg} file gives it as one comma-separated string, the console as
     * several values; either way, the trimmed, non-empty, distinct items in order.
     */
    public static List<String> list(String... values) {
        return Arrays.stream(values).flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
    }
}
