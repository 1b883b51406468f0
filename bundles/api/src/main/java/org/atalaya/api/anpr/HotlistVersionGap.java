package org.atalaya.api.anpr;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A change set that does not apply onto the hub's version of its source: the hub missed changes
 * before it, is already past its start, or never loaded the source. Nothing was changed. The
 * caller loads a full snapshot ({@link HotlistSync#beginSnapshot}) and asks its source for the
 * changes since the snapshot's version.
 */
public class HotlistVersionGap extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final Long storedVersion;
    private final long fromVersion;
    private final long toVersion;

    /**
     * @param message       why, in words an operator can act on
     * @param source        the change set's source
     * @param storedVersion the source's version in the hub; empty when it was never loaded
     * @param fromVersion   the change set's first version
     * @param toVersion     the change set's last version
     */
    public HotlistVersionGap(String message, String source, OptionalLong storedVersion, long fromVersion,
            long toVersion) {
        super(message);
        this.source = Objects.requireNonNull(source, "source");
        this.storedVersion = storedVersion.isPresent() ? storedVersion.getAsLong() : null;
        this.fromVersion = fromVersion;
        this.toVersion = toVersion;
    }

    public String source() {
        return source;
    }

    /** The source's version in the hub; empty when the hub never loaded the source. */
    public OptionalLong storedVersion() {
        return storedVersion == null ? OptionalLong.empty() : OptionalLong.of(storedVersion);
    }

    public long fromVersion() {
        return fromVersion;
    }

    public long toVersion() {
        return toVersion;
    }
}
