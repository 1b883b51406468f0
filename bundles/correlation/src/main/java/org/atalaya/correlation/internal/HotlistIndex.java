package org.atalaya.correlation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

import org.atalaya.api.anpr.CharacterMatch;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.MatchKind;

/**
 * The stolen and wanted vehicle lists, held for real-time matching of every plate read: tens of
 * millions of entries in a few hundred megabytes, checked in well under a microsecond.
 *
 * <p>Entries live in parallel primitive arrays (32 bytes each: plate code, id, country,
 * category, priority, validity, chain link); an open-addressing table maps each canonical
 * plate code (see {@link OcrEquivalence}) to the chain of entries that share it. A read is
 * normalised and encoded once, its canonical code looked up once, and each candidate compared
 * character by character: equal plates are exact hits, plates that differ only in at most
 * {@code maxEquivalent} OCR-equivalent characters are OCR-equivalent hits. Details an alert
 * shows (reason, reference) stay with the store; the index returns entry ids.
 *
 * <p>Reads never block: they run optimistically and retry under a read lock only if a change
 * set was applied meanwhile. A change set is applied under the write lock, so a read sees all of
 * it or none of it. A whole new list (a source's full snapshot) is built aside, in another index,
 * while reads go on here, then taken over at once ({@link #replaceWith}): the write lock is held
 * for a few field assignments, whatever the size of the list.
 */
public final class HotlistIndex {

    /** Fuzzy matching applies to plates of this many characters or more. */
    public static final int MIN_FUZZY_LENGTH = 5;
    /** The most OCR-equivalent characters a match may have. */
    public static final int MAX_EQUIVALENT = 2;

    private static final long EPOCH = 946_684_800L; // 2000-01-01T00:00:00Z, seconds
    private static final int NONE = -1;
    private static final float MAX_LOAD = 0.6f;
    private static final HotlistCategory[] CATEGORIES = HotlistCategory.values();

    private final OcrEquivalence equivalence;
    private final StampedLock lock = new StampedLock();

    // Entries, by index.
    private long[] plates;
    private long[] ids;
    private short[] countries;
    private byte[] categories;
    private byte[] priorities;
    private int[] validFrom;
    private int[] validUntil;
    private int[] next;
    private int used;
    private int freeHead = NONE;
    private int size;

    // Canonical code -> first entry of its chain.
    private long[] slotKeys;
    private int[] slotHeads;
    private int slotsUsed;

    public HotlistIndex(OcrEquivalence equivalence, int expectedEntries) {
        this.equivalence = equivalence;
        allocate(expectedEntries);
    }

    /** Empty arrays for {@code expectedEntries}; under the write lock, or before the index is shared. */
    private void allocate(int expectedEntries) {
        int capacity = Math.max(16, expectedEntries);
        plates = new long[capacity];
        ids = new long[capacity];
        countries = new short[capacity];
        categories = new byte[capacity];
        priorities = new byte[capacity];
        validFrom = new int[capacity];
        validUntil = new int[capacity];
        next = new int[capacity];
        int slots = Integer.highestOneBit(Math.max(16, (int) Math.ceil(capacity / MAX_LOAD)) - 1) << 1;
        slotKeys = new long[slots];
        slotHeads = new int[slots];
        used = 0;
        freeHead = NONE;
        size = 0;
        slotsUsed = 0;
    }

    public OcrEquivalence equivalence() {
        return equivalence;
    }

    /** How many entries are listed. */
    public int size() {
        long stamp = lock.readLock();
        try {
            return size;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Applies a change set atomically: the removals, then the additions. An entry whose plate is
     * not a valid plate is refused before anything changes.
     *
     * @param removed entries to remove (by id and plate)
     * @param added   entries to add
     */
    public void apply(Collection<HotlistEntry> removed, Collection<HotlistEntry> added) {
        long[] codes = new long[added.size()];
        int i = 0;
        for (HotlistEntry entry : added) {
            codes[i] = PlateCode.of(entry.plate());
            if (codes[i++] == 0) {
                throw new IllegalArgumentException("entry " + entry.id() + ": '" + entry.plate()
                        + "' is not a normalised plate");
            }
        }
        long stamp = lock.writeLock();
        try {
            for (HotlistEntry entry : removed) {
                unlink(entry.id(), PlateCode.of(entry.plate()));
            }
            i = 0;
            for (HotlistEntry entry : added) {
                link(entry, codes[i++]);
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    public void add(HotlistEntry entry) {
        apply(List.of(), List.of(entry));
    }

    public void remove(HotlistEntry entry) {
        apply(List.of(entry), List.of());
    }

    /**
     * Takes over the entries of {@code built} at once: a read sees either the entries before or
     * those of {@code built}, never a mix. {@code built} is left empty.
     *
     * @param built an index built aside with the same OCR equivalence, used by no other thread
     */
    public void replaceWith(HotlistIndex built) {
        if (built == this) {
            return;
        }
        if (!built.equivalence.equals(equivalence)) {
            throw new IllegalArgumentException("the index was built with other OCR equivalences: "
                    + built.equivalence + ", not " + equivalence);
        }
        long stamp = lock.writeLock();
        try {
            plates = built.plates;
            ids = built.ids;
            countries = built.countries;
            categories = built.categories;
            priorities = built.priorities;
            validFrom = built.validFrom;
            validUntil = built.validUntil;
            next = built.next;
            used = built.used;
            freeHead = built.freeHead;
            size = built.size;
            slotKeys = built.slotKeys;
            slotHeads = built.slotHeads;
            slotsUsed = built.slotsUsed;
        } finally {
            lock.unlockWrite(stamp);
        }
        built.allocate(16);
    }

    /** Removes every entry. */
    public void clear() {
        long stamp = lock.writeLock();
        try {
            Arrays.fill(slotKeys, 0);
            slotsUsed = 0;
            used = 0;
            size = 0;
            freeHead = NONE;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * How many OCR-equivalent characters a plate may differ by: none below
     * {@link #MIN_FUZZY_LENGTH} characters, else the configured number, at most {@link #MAX_EQUIVALENT}.
     */
    public static int allowedEquivalent(String plate, int maxEquivalent) {
        return plate.length() >= MIN_FUZZY_LENGTH ? Math.min(maxEquivalent, MAX_EQUIVALENT) : 0;
    }

    /**
     * The listed plates a read matches, highest priority first, exact before OCR-equivalent.
     *
     * @param plate         the read plate, normalised
     * @param country       the read's country, or {@code null} when not known
     * @param capturedAt    when it was read: an entry must have been listed by then
     * @param now           the time of the check: an entry must still be listed then
     * @param maxEquivalent how many OCR-equivalent characters may differ (0 to 2)
     */
    public List<HotlistMatch> match(String plate, String country, Instant capturedAt, Instant now,
            int maxEquivalent) {
        long code = PlateCode.of(plate);
        if (code == 0) {
            return List.of();
        }
        int allowed = allowedEquivalent(plate, maxEquivalent);
        long canonical = equivalence.canonical(code);
        short readCountry = countryCode(country);
        int captured = seconds(capturedAt);
        int checked = seconds(now);

        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            try {
                List<HotlistMatch> matches = find(code, canonical, readCountry, captured, checked, allowed);
                if (lock.validate(stamp)) {
                    return matches;
                }
            } catch (RuntimeException changedUnderfoot) {
                // a change set was being applied: read again under the lock
            }
        }
        stamp = lock.readLock();
        try {
            return find(code, canonical, readCountry, captured, checked, allowed);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private List<HotlistMatch> find(long code, long canonical, short readCountry, int captured, int checked,
            int allowed) {
        long[] keys = slotKeys;
        int mask = keys.length - 1;
        int slot = mix(canonical) & mask;
        int probes = 0;
        while (keys[slot] != canonical) {
            if (keys[slot] == 0 || ++probes > keys.length) {
                return List.of();
            }
            slot = (slot + 1) & mask;
        }
        List<HotlistMatch> matches = null;
        int guard = used;
        for (int entry = slotHeads[slot]; entry != NONE && guard-- >= 0; entry = next[entry]) {
            if (validFrom[entry] > captured || validUntil[entry] <= checked) {
                continue;
            }
            short listedCountry = countries[entry];
            if (listedCountry != 0 && readCountry != 0 && listedCountry != readCountry) {
                continue;
            }
            long listed = plates[entry];
            int differences = differences(code, listed);
            if (differences > allowed) {
                continue;
            }
            if (matches == null) {
                matches = new ArrayList<>(2);
            }
            matches.add(new HotlistMatch(ids[entry], PlateCode.toString(listed),
                    differences == 0 ? MatchKind.EXACT : MatchKind.OCR_EQUIVALENT,
                    differences == 0 ? List.of() : characterMatches(code, listed),
                    CATEGORIES[categories[entry]], priorities[entry]));
        }
        if (matches == null) {
            return List.of();
        }
        matches.sort((a, b) -> a.priority() != b.priority() ? Integer.compare(b.priority(), a.priority())
                : a.kind().compareTo(b.kind()));
        return matches;
    }

    /** How many characters differ between two codes of the same canonical form. */
    private static int differences(long read, long listed) {
        int differences = 0;
        for (long a = read, b = listed; a != 0 || b != 0; a /= PlateCode.RADIX, b /= PlateCode.RADIX) {
            if (a % PlateCode.RADIX != b % PlateCode.RADIX) {
                differences++;
            }
        }
        return differences;
    }

    private static List<CharacterMatch> characterMatches(long read, long listed) {
        String readPlate = PlateCode.toString(read);
        String listedPlate = PlateCode.toString(listed);
        List<CharacterMatch> matches = new ArrayList<>(2);
        for (int i = 0; i < readPlate.length(); i++) {
            if (readPlate.charAt(i) != listedPlate.charAt(i)) {
                matches.add(new CharacterMatch(i, readPlate.charAt(i), listedPlate.charAt(i)));
            }
        }
        return matches;
    }

    private void link(HotlistEntry entry, long code) {
        int index;
        if (freeHead != NONE) {
            index = freeHead;
            freeHead = next[index];
        } else {
            if (used == plates.length) {
                growEntries();
            }
            index = used++;
        }
        plates[index] = code;
        ids[index] = entry.id();
        countries[index] = countryCode(entry.country());
        categories[index] = (byte) entry.category().ordinal();
        priorities[index] = (byte) entry.priority();
        validFrom[index] = seconds(entry.validFrom());
        validUntil[index] = entry.validUntil() == null ? Integer.MAX_VALUE : seconds(entry.validUntil());

        if (slotsUsed + 1 > slotKeys.length * MAX_LOAD) {
            growSlots();
        }
        long canonical = equivalence.canonical(code);
        int slot = slotOf(slotKeys, canonical);
        if (slotKeys[slot] == 0) {
            slotKeys[slot] = canonical;
            slotHeads[slot] = NONE;
            slotsUsed++;
        }
        next[index] = slotHeads[slot];
        slotHeads[slot] = index;
        size++;
    }

    private void unlink(long id, long code) {
        if (code == 0) {
            return;
        }
        long canonical = equivalence.canonical(code);
        int slot = slotOf(slotKeys, canonical);
        if (slotKeys[slot] == 0) {
            return;
        }
        int previous = NONE;
        for (int entry = slotHeads[slot]; entry != NONE; previous = entry, entry = next[entry]) {
            if (ids[entry] == id && plates[entry] == code) {
                if (previous == NONE) {
                    slotHeads[slot] = next[entry];
                } else {
                    next[previous] = next[entry];
                }
                // An emptied chain keeps its slot (a removed key would break linear probing);
                // it is reused if the plate comes back and dropped at the next growth.
                plates[entry] = 0;
                next[entry] = freeHead;
                freeHead = entry;
                size--;
                return;
            }
        }
    }

    private int slotOf(long[] keys, long canonical) {
        int mask = keys.length - 1;
        int slot = mix(canonical) & mask;
        while (keys[slot] != 0 && keys[slot] != canonical) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void growEntries() {
        int capacity = plates.length + (plates.length >> 1) + 16;
        plates = Arrays.copyOf(plates, capacity);
        ids = Arrays.copyOf(ids, capacity);
        countries = Arrays.copyOf(countries, capacity);
        categories = Arrays.copyOf(categories, capacity);
        priorities = Arrays.copyOf(priorities, capacity);
        validFrom = Arrays.copyOf(validFrom, capacity);
        validUntil = Arrays.copyOf(validUntil, capacity);
        next = Arrays.copyOf(next, capacity);
    }

    /** Doubles the table, dropping the slots of emptied chains. */
    private void growSlots() {
        long[] oldKeys = slotKeys;
        int[] oldHeads = slotHeads;
        long[] keys = new long[oldKeys.length * 2];
        int[] heads = new int[keys.length];
        int live = 0;
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldKeys[slot] != 0 && oldHeads[slot] != NONE) {
                int target = slotOf(keys, oldKeys[slot]);
                keys[target] = oldKeys[slot];
                heads[target] = oldHeads[slot];
                live++;
            }
        }
        slotKeys = keys;
        slotHeads = heads;
        slotsUsed = live;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static short countryCode(String country) {
        if (country == null || country.length() != 2) {
            return 0;
        }
        return (short) ((country.charAt(0) - 'A' + 1) * 27 + (country.charAt(1) - 'A' + 1));
    }

    private static int seconds(Instant instant) {
        long seconds = instant.getEpochSecond() - EPOCH;
        return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE - 1, seconds));
    }
}
