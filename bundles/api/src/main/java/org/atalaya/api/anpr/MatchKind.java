package org.atalaya.api.anpr;

/** How a read plate matched a listed one. */
public enum MatchKind {
    /** The same characters. */
    EXACT,
    /** Characters that optical recognition confuses (0/O, 1/I, 8/B ...) where they differ. */
    OCR_EQUIVALENT
}
