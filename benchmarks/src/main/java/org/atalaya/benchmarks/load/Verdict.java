package org.atalaya.benchmarks.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stopped hub's database against the generator's ground truth: which of the run's reads are
 * stored (and how often), and which hits each police control centre has (and how often).
 *
 * @param reads the reads the generator sent, each until accepted
 * @param stored distinct reads of the run stored
 * @param missing reads sent and not stored (the first few in {@code examples}); a read is never
 *        stored twice, the read id being the table's key
 * @param strangers stored reads the generator never sent
 * @param expectedHits reads of listed plates, each of which must give one hit to each centre
 * @param hitsPerAgency hits on the run's reads each centre stored, counted per plate
 * @param missingHits expected hits some centre lacks
 * @param duplicateHits hits a centre has more than once for the same read
 * @param unexpectedHits hits a centre has for a read that must not hit
 */
public record Verdict(long reads, long stored, long missing, long strangers, long expectedHits,
        Map<String, Long> hitsPerAgency, long missingHits, long duplicateHits, long unexpectedHits,
        List<String> examples) {

    static final List<String> CENTRES = List.of("local-police", "national-police");

    public boolean exact() {
        return missing == 0 && strangers == 0 && missingHits == 0 && duplicateHits == 0
                && unexpectedHits == 0 && stored == reads;
    }

    @Override
    public String toString() {
        return (exact() ? "EXACT" : "WRONG") + String.format(java.util.Locale.ROOT,
                ": %,d reads sent, %,d stored, %,d missing, %,d not sent; %,d hits expected per "
                        + "centre, stored %s, %,d missing, %,d duplicated, %,d unexpected%s",
                reads, stored, missing, strangers, expectedHits, hitsPerAgency, missingHits,
                duplicateHits, unexpectedHits, examples.isEmpty() ? "" : "; e.g. " + examples);
    }

    /** Reads the hub's H2 database and its read archive (the hub must be stopped). */
    public static Verdict check(String url, String archiveUrl, Workload workload, long reads) throws SQLException {
        List<String> examples = new ArrayList<>();
        BitSet storedReads = new BitSet();
        long strangers = 0;
        long stored = 0;
        Map<String, Long> hitsPerAgency = new HashMap<>();
        long missingHits = 0;
        long duplicateHits = 0;
        long unexpectedHits = 0;
        try (Connection archive = DriverManager.getConnection(archiveUrl, "atalaya", "");
                Connection db = DriverManager.getConnection(url, "atalaya", "")) {
            try (PreparedStatement query = archive.prepareStatement(
                    "SELECT id FROM plate_read WHERE id LIKE ?")) {
                query.setString(1, workload.run() + "-%");
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long n = workload.readNumber(rows.getString(1));
                        if (n < 0 || n >= reads) {
                            strangers++;
                            continue;
                        }
                        stored++;
                        storedReads.set((int) n);
                    }
                }
            }
            BitSet[] hit = new BitSet[CENTRES.size()];
            for (int c = 0; c < CENTRES.size(); c++) {
                hit[c] = new BitSet();
                long count = 0;
                try (PreparedStatement query = db.prepareStatement(
                        "SELECT plate, COUNT(*) FROM agency_alert WHERE agency = ? AND kind = 'HIT' GROUP BY plate")) {
                    query.setString(1, CENTRES.get(c));
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            count += rows.getLong(2);
                            long n = readOf(workload, rows.getString(1), reads);
                            if (n < 0) {
                                unexpectedHits++;
                                example(examples, CENTRES.get(c) + " hit " + rows.getString(1));
                            } else {
                                hit[c].set((int) n);
                                if (rows.getLong(2) > 1) {
                                    duplicateHits++;
                                    example(examples,
                                            CENTRES.get(c) + " has " + rows.getLong(2) + " hits of read " + n);
                                }
                            }
                        }
                    }
                }
                hitsPerAgency.put(CENTRES.get(c), count);
            }
            long expectedHits = 0;
            long missing = 0;
            for (long n = 0; n < reads; n++) {
                if (!storedReads.get((int) n)) {
                    missing++;
                    example(examples, "read " + n + " not stored");
                }
                if (workload.hits(n)) {
                    expectedHits++;
                    for (int c = 0; c < CENTRES.size(); c++) {
                        if (!hit[c].get((int) n)) {
                            missingHits++;
                            example(examples, CENTRES.get(c) + " lacks the hit of read " + n);
                        }
                    }
                }
            }
            return new Verdict(reads, stored, missing, strangers, expectedHits, hitsPerAgency,
                    missingHits, duplicateHits, unexpectedHits, examples);
        }
    }

    /** The read of the run whose (listed) plate this is; -1 if none of the run's reads must hit it. */
    private static long readOf(Workload workload, String plate, long reads) {
        int listed = Workload.listedIndex(plate);
        if (listed < 0) {
            return -1;
        }
        long n = workload.readOfListed(listed);
        return n >= 0 && n < reads && workload.hits(n) ? n : -1;
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 10) {
            examples.add(example);
        }
    }
}
