package org.atalaya.store.internal;

import java.util.OptionalLong;

/**
 * Whether a source's change set applies onto the hub's version of that source. Versions are the
 * source's own and grow with every change; the state at a version is the same whatever way the
 * hub reached it.
 */
enum SyncDecision {

    /** It starts at the stored version: apply it. */
    APPLY,
    /** It ends at the stored version, from an earlier one: applied already (redelivered); change nothing. */
    ALREADY_APPLIED,
    /** The source was never loaded: load a snapshot. */
    NEVER_LOADED,
    /** It starts after the stored version: the changes in between were missed; load a snapshot. */
    MISSED_CHANGES,
    /**
     * It starts before the stored version and does not end there: part of it may be applied
     * already, or the source's versions went back; load a snapshot.
     */
    BEHIND,
    /** It does not lead to a later version. */
    INVALID;

    /**
     * @param stored      the source's version in the hub; empty when never loaded
     * @param fromVersion the change set's first version
     * @param toVersion   the change set's last version
     */
    static SyncDecision of(OptionalLong stored, long fromVersion, long toVersion) {
        if (toVersion <= fromVersion) {
            return INVALID;
        }
        if (stored.isEmpty()) {
            return NEVER_LOADED;
        }
        long version = stored.getAsLong();
        if (fromVersion == version) {
            return APPLY;
        }
        if (fromVersion > version) {
            return MISSED_CHANGES;
        }
        return toVersion == version ? ALREADY_APPLIED : BEHIND;
    }

    /** Whether only a full snapshot brings the source back in step. */
    boolean needsSnapshot() {
        return this == NEVER_LOADED || this == MISSED_CHANGES || this == BEHIND;
    }

    /** The decision in words, for the refusal's message and the log. */
    String explain(String source, OptionalLong stored, long fromVersion, long toVersion) {
        String changes = "The hotlist changes of " + source + " from version " + fromVersion + " to " + toVersion;
        String at = stored.isPresent() ? "the hub is at version " + stored.getAsLong() : "";
        return switch (this) {
            case APPLY -> changes + " apply onto the hub's version";
            case ALREADY_APPLIED -> changes + " were applied already: " + at;
            case NEVER_LOADED -> changes + " do not apply: the hub never loaded " + source + "; load a full snapshot";
            case MISSED_CHANGES -> changes + " do not apply: " + at + ", so changes were missed; load a full snapshot";
            case BEHIND -> changes + " do not apply: " + at + ", past their start; load a full snapshot";
            case INVALID -> changes + " are not valid: they must lead to a later version";
        };
    }
}
