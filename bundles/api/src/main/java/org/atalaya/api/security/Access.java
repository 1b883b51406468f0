package org.atalaya.api.security;

import java.util.Locale;

/** What a call does with a data class. */
public enum Access {
    /** Consults it: a disclosure to the caller. */
    READ,
    /** Adds, changes or removes it, or sends it in (a device). */
    WRITE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
