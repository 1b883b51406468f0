package org.atalaya.api.anpr;

import java.util.List;

/**
 * What a bulk import did.
 *
 * @param added    entries newly listed
 * @param replaced entries replaced because their source and reference were already listed
 * @param rejected one line per refused row: its line number and why
 */
public record HotlistImport(long added, long replaced, List<String> rejected) {

    public HotlistImport {
        rejected = List.copyOf(rejected);
    }
}
