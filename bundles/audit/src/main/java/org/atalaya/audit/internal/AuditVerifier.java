package org.atalaya.audit.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import org.atalaya.api.audit.AuditRecord;
import org.atalaya.api.audit.AuditSeal;
import org.atalaya.api.audit.AuditVerification;
import org.atalaya.api.audit.AuditVerification.Finding;
import org.atalaya.api.audit.AuditVerification.Kind;

/**
 * Walks the log in sequence order, a page at a time, and reports each break where it is:
 *
 * <ul>
 * <li>a record that does not match its own hash: {@link Kind#ALTERED}, or {@link Kind#REORDERED}
 * when it is an intact record (or entry) of another place of the chain;</li>
 * <li>a gap in the numbering, or a log that ends before its head or its last seal says:
 * {@link Kind#REMOVED};</li>
 * <li>an intact record not chained to the hash of the one before, a last record whose hash is not
 * the head's: {@link Kind#BROKEN_LINK} (a record rewritten with its hash recomputed);</li>
 * <li>a seal whose signature is not the hub's, or that no longer matches the hash of the record
 * it sealed: {@link Kind#SEAL_MISMATCH} (a rewrite that recomputed every later hash).</li>
 * </ul>
 *
 * One break gives one finding: the link after a removed or moved record is not reported again,
 * consecutive altered records (or records moved together) are one finding with their range, and
 * consecutive seals that no longer match are one finding at the first.
 */
final class AuditVerifier {

    /** Records and seals read per query. */
    static final int PAGE = 1000;
    /** Findings listed at most; the rest are counted in the last. */
    static final int MAX_FINDINGS = 1000;

    /** How far back a moved record is followed through the records it was chained to. */
    private static final int MAX_HOPS = 16;
    /** How many records that do not match their hashes are compared with each other. */
    private static final int SUSPECTS = 16;
    /** How far apart, at most, two records whose entries were swapped are recognised as such. */
    private static final long SUSPECT_DISTANCE = 1000;

    /** The log as the verifier reads it: the database, or a list in a test. */
    interface Log {

        /** The last record appended, as the log's head says; {@code null} when the head is missing. */
        Head head();

        /** The records numbered above {@code after} and up to {@code upTo}, in order, at most {@code limit}. */
        List<AuditRecord> records(long after, long upTo, int limit);

        /** The records whose stored hash is {@code hash}. */
        List<AuditRecord> withHash(String hash);

        /** The seals of records above {@code after} and up to {@code upTo}, in order, at most {@code limit}. */
        List<StoredSeal> seals(long after, long upTo, int limit);

        /** The last record any seal covers; 0 when there is no seal. */
        long lastSealed();

        /** The lowest and the highest record number stored; {@code null} when there is none. */
        Extent extent();
    }

    /** The log's head: the last record appended and its hash. */
    record Head(long sequence, String hash) {
    }

    /** A seal and the id of the key that made it (the SHA-256 of its public key). */
    record StoredSeal(AuditSeal seal, String keyId) {
    }

    /** The lowest and highest record numbers stored. */
    record Extent(long first, long last) {
    }

    private final Log log;
    private final SealKey key;

    AuditVerifier(Log log, SealKey key) {
        this.log = log;
        this.key = key;
    }

    AuditVerification verify() {
        // a seal is made under the head's lock and names a record the head had reached: read in
        // this order, a seal beyond the head means the head was set back
        long lastSealed = log.lastSealed();
        Head head = log.head();
        Walk walk = new Walk(head == null ? Long.MAX_VALUE : Math.max(head.sequence(), lastSealed));
        if (head == null) {
            walk.findings.add(new Finding(0, Kind.BROKEN_LINK, "the log's head (table audit_head) is missing,"
                    + " so the end of the log cannot be checked and nothing more can be appended"));
        }
        long after = 0;
        while (true) {
            List<AuditRecord> page = log.records(after, walk.end, PAGE);
            for (AuditRecord record : page) {
                walk.record(record);
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).sequence();
        }
        walk.finish(head, lastSealed);
        return new AuditVerification(walk.records, walk.seals.count, walk.findings.list());
    }

    /** The state of one walk through the log. */
    private final class Walk {

        final long end;
        final Findings findings = new Findings();
        final Seals seals;
        final Deque<Suspect> suspects = new ArrayDeque<>();
        Run run;
        long records;
        long expected = 1;
        String chainHash = AuditChain.GENESIS;
        /** Where the chain put the record before: its own place unless it was found moved. */
        long previousOrigin;
        boolean previousBroken;
        AuditRecord last;

        Walk(long end) {
            this.end = end;
            this.seals = new Seals(end, findings);
        }

        void record(AuditRecord record) {
            long sequence = record.sequence();
            boolean gap = sequence > expected;
            if (gap) {
                findings.add(new Finding(expected, Kind.REMOVED, (expected == sequence - 1
                        ? "record " + expected + " is missing"
                        : "records " + expected + " to " + (sequence - 1) + " are missing ("
                                + (sequence - expected) + " records)")
                        + ": removed from the log"));
            }
            seals.before(sequence);
            boolean inPlace = AuditChain.verifies(record.previousHash(), sequence, record.entry(), record.hash());
            boolean broken = !inPlace;
            long origin = sequence;
            if (inPlace && !record.previousHash().equals(chainHash) && !gap && !previousBroken) {
                findings.add(sequence == 1
                        ? new Finding(1, Kind.BROKEN_LINK, "record 1 is not chained to the start of the log (64 zeros):"
                                + " it was chained anew and its hash recomputed")
                        : new Finding(sequence - 1, Kind.BROKEN_LINK, "record " + (sequence - 1) + "'s hash is not"
                                + " the one record " + sequence + " was chained to: record " + (sequence - 1)
                                + " was rewritten and its hash recomputed (or record " + sequence
                                + " was chained anew)"));
                broken = true;
            } else if (!inPlace) {
                Long moved = suspect(record);
                origin = moved == null ? sequence : moved;
            }
            seals.at(record, broken);
            chainHash = record.hash();
            expected = sequence + 1;
            previousOrigin = origin;
            previousBroken = broken;
            last = record;
            records++;
        }

        void finish(Head head, long lastSealed) {
            while (!suspects.isEmpty()) {
                settle(suspects.removeFirst());
            }
            if (run != null) {
                findings.add(run.finding());
            }
            long lastStored = last == null ? 0 : last.sequence();
            seals.rest();
            long claimed = Math.max(head == null ? 0 : head.sequence(), lastSealed);
            if (lastStored < claimed) {
                long first = lastStored + 1;
                findings.add(new Finding(first, Kind.REMOVED, (first == claimed ? "record " + first + " is missing"
                        : "records " + first + " to " + claimed + " are missing (" + (claimed - lastStored)
                                + " records)") + ": the log ends at record " + lastStored + " but its "
                        + (head != null && head.sequence() == claimed ? "head" : "last seal") + " reaches record "
                        + claimed));
            } else if (head != null && head.sequence() < lastStored) {
                findings.add(new Finding(head.sequence() + 1, Kind.BROKEN_LINK, "the log's head is at record "
                        + head.sequence() + " but sealed records go on to " + lastStored + ": the head was set back"));
            } else if (head != null && last != null && !previousBroken && !last.hash().equals(head.hash())) {
                findings.add(new Finding(lastStored, Kind.BROKEN_LINK, "record " + lastStored + "'s hash is not the"
                        + " one the log's head holds: it was rewritten and its hash recomputed"));
            }
            beyondTheHead(head);
        }

        /** Records stored past the head, or numbered below 1, were not appended through the log. */
        private void beyondTheHead(Head head) {
            Extent extent = log.extent();
            if (extent == null) {
                return;
            }
            if (extent.first() < 1) {
                findings.add(new Finding(extent.first(), Kind.BROKEN_LINK, "records are numbered from "
                        + extent.first() + ": those below 1 are outside the chain, not appended through the log"));
            }
            Head now = head == null ? null : log.head();
            if (now != null && end != Long.MAX_VALUE) {
                long reach = Math.max(end, now.sequence());
                if (extent.last() > reach) {
                    findings.add(new Finding(reach + 1, Kind.BROKEN_LINK, "records " + (reach + 1) + " to "
                            + extent.last() + " lie beyond the log's head (record " + reach + "): they were not"
                            + " appended through the log"));
                }
            }
        }

        /**
         * A record that does not match its hash: moved (its hash is right for another place),
         * holding another record's entry, or altered. Settled once it is out of reach of the
         * records that could still show where its entry came from.
         */
        private Long suspect(AuditRecord record) {
            long sequence = record.sequence();
            Suspect suspect = new Suspect(record, origin(record));
            Long moved = suspect.origin;
            if (suspect.origin == null) {
                // entries moved between rows that kept their own links and hashes
                for (Suspect other : suspects) {
                    if (other.origin != null) {
                        continue;
                    }
                    AuditRecord row = other.record;
                    if (AuditChain.verifies(record.previousHash(), sequence, row.entry(), record.hash())) {
                        other.origin = sequence;
                    }
                    if (suspect.origin == null
                            && AuditChain.verifies(row.previousHash(), row.sequence(), record.entry(), row.hash())) {
                        suspect.origin = row.sequence();
                    }
                }
            }
            while (!suspects.isEmpty() && (suspects.size() >= SUSPECTS
                    || suspects.peekFirst().record.sequence() < sequence - SUSPECT_DISTANCE)) {
                settle(suspects.removeFirst());
            }
            suspects.addLast(suspect);
            return moved;
        }

        /**
         * Where the chain put this record: it was moved if it matches its hash as the successor of
         * the record it is chained to; {@code null} when it does not.
         */
        private Long origin(AuditRecord record) {
            Long before;
            if (record.previousHash().equals(chainHash)) {
                // chained to the record before as stored: moved with it, or changed where it is
                before = previousOrigin;
            } else {
                before = originOf(record.previousHash(), 0);
            }
            if (before != null && before + 1 != record.sequence()
                    && AuditChain.verifies(record.previousHash(), before + 1, record.entry(), record.hash())) {
                return before + 1;
            }
            return null;
        }

        /** Where the chain put the record whose hash is {@code hash}, following moved records back. */
        private Long originOf(String hash, int hops) {
            if (AuditChain.GENESIS.equals(hash)) {
                return 0L;
            }
            if (hops >= MAX_HOPS) {
                return null;
            }
            for (AuditRecord record : log.withHash(hash)) {
                if (AuditChain.verifies(record.previousHash(), record.sequence(), record.entry(), record.hash())) {
                    return record.sequence();
                }
                Long before = originOf(record.previousHash(), hops + 1);
                if (before != null
                        && AuditChain.verifies(record.previousHash(), before + 1, record.entry(), record.hash())) {
                    return before + 1;
                }
            }
            return null;
        }

        private void settle(Suspect suspect) {
            long sequence = suspect.record.sequence();
            Kind kind = suspect.origin == null ? Kind.ALTERED : Kind.REORDERED;
            long offset = suspect.origin == null ? 0 : suspect.origin - sequence;
            if (run != null && run.kind == kind && run.last == sequence - 1 && run.offset == offset) {
                run.last = sequence;
                return;
            }
            if (run != null) {
                findings.add(run.finding());
            }
            run = new Run(kind, sequence, offset);
        }
    }

    /** A record that does not match its hash, and where its content belongs once that is known. */
    private static final class Suspect {

        final AuditRecord record;
        Long origin;

        Suspect(AuditRecord record, Long origin) {
            this.record = record;
            this.origin = origin;
        }
    }

    /** Consecutive records broken the same way: altered, or moved by the same distance. */
    private static final class Run {

        final Kind kind;
        final long first;
        final long offset;
        long last;

        Run(Kind kind, long first, long offset) {
            this.kind = kind;
            this.first = first;
            this.last = first;
            this.offset = offset;
        }

        Finding finding() {
            if (kind == Kind.ALTERED) {
                return new Finding(first, kind, first == last
                        ? "record " + first + " does not match its hash: its content was changed"
                        : "records " + first + " to " + last + " do not match their hashes (" + (last - first + 1)
                                + " records): their content was changed");
            }
            return new Finding(first, kind, first == last
                    ? "record " + first + " holds what the chain puts at record " + (first + offset) + ": it was moved"
                    : "records " + first + " to " + last + " hold what the chain puts at records " + (first + offset)
                            + " to " + (last + offset) + ": they were moved");
        }
    }

    /** The seals, read alongside the records, each checked against its signature and its record. */
    private final class Seals {

        final long end;
        final Findings findings;
        List<StoredSeal> page = List.of();
        int next;
        boolean exhausted;
        long after;
        int count;
        /** The last record the seal before covered: a seal covers the records after it. */
        long previous;
        /** The first seal of consecutive ones that no longer match, with how many follow it. */
        Finding mismatch;
        int laterMismatches;

        Seals(long end, Findings findings) {
            this.end = end;
            this.findings = findings;
        }

        /** Seals of records below {@code sequence}, which are missing (reported) or not records at all. */
        void before(long sequence) {
            for (StoredSeal seal = peek(); seal != null && seal.seal().sequence() < sequence; seal = peek()) {
                take();
                if (signed(seal) && seal.seal().sequence() < 1) {
                    findings.add(new Finding(seal.seal().sequence(), Kind.SEAL_MISMATCH, "a seal names record "
                            + seal.seal().sequence() + ", which the chain cannot have"));
                }
                previous = seal.seal().sequence();
            }
        }

        /** The seal of this record, if any; its hash is not compared when the record's break is reported. */
        void at(AuditRecord record, boolean broken) {
            StoredSeal seal = peek();
            if (seal == null || seal.seal().sequence() != record.sequence()) {
                return;
            }
            take();
            if (signed(seal) && !broken) {
                if (seal.seal().hash().equals(record.hash())) {
                    closeMismatch();
                } else if (mismatch == null) {
                    AuditSeal sealed = seal.seal();
                    mismatch = new Finding(sealed.sequence(), Kind.SEAL_MISMATCH, "the seal of records "
                            + (previous + 1) + " to " + sealed.sequence() + " (signed " + sealed.at()
                            + ") no longer matches the chain: record " + sealed.sequence() + "'s hash is "
                            + record.hash() + ", sealed as " + sealed.hash() + "; a record from " + (previous + 1)
                            + " to " + sealed.sequence() + " was changed and the hashes after it recomputed");
                } else {
                    laterMismatches++;
                }
            }
            previous = seal.seal().sequence();
        }

        /** The seals after the last record: their records are missing, which is reported. */
        void rest() {
            before(Long.MAX_VALUE);
            closeMismatch();
        }

        private void closeMismatch() {
            if (mismatch != null) {
                findings.add(laterMismatches == 0 ? mismatch : new Finding(mismatch.sequence(), mismatch.kind(),
                        mismatch.detail() + "; the " + laterMismatches + " seals after it no longer match either"));
                mismatch = null;
                laterMismatches = 0;
            }
        }

        private boolean signed(StoredSeal stored) {
            count++;
            AuditSeal seal = stored.seal();
            if (SealKey.ALGORITHM.equals(seal.algorithm())
                    && key.verifies(AuditChain.sealMessage(seal.sequence(), seal.hash(), seal.at()), seal.signature())) {
                return true;
            }
            String why = key.id().equals(stored.keyId()) ? "" : "; it names another key than the hub's: "
                    + stored.keyId();
            findings.add(new Finding(seal.sequence(), Kind.SEAL_MISMATCH, "the seal of record " + seal.sequence()
                    + " (signed " + seal.at() + ") does not carry a valid " + SealKey.ALGORITHM
                    + " signature of the hub's key: it was forged or changed" + why));
            return false;
        }

        private StoredSeal peek() {
            if (next == page.size() && !exhausted) {
                page = log.seals(after, end, PAGE);
                next = 0;
                exhausted = page.size() < PAGE;
            }
            return next < page.size() ? page.get(next) : null;
        }

        private void take() {
            after = page.get(next++).seal().sequence();
        }
    }

    /** The findings in the order of the log, at most {@link #MAX_FINDINGS}. */
    private static final class Findings {

        private final List<Finding> findings = new ArrayList<>();
        private Finding firstUnlisted;
        private long unlisted;

        void add(Finding finding) {
            if (findings.size() < MAX_FINDINGS - 1) {
                findings.add(finding);
                return;
            }
            if (firstUnlisted == null) {
                firstUnlisted = finding;
            }
            unlisted++;
        }

        List<Finding> list() {
            List<Finding> sorted = new ArrayList<>(findings);
            if (firstUnlisted != null) {
                sorted.add(unlisted == 1 ? firstUnlisted : new Finding(firstUnlisted.sequence(), firstUnlisted.kind(),
                        firstUnlisted.detail() + "; and " + (unlisted - 1) + " more breaks, not listed"));
            }
            sorted.sort(Comparator.comparingLong(Finding::sequence));
            return sorted;
        }
    }
}
