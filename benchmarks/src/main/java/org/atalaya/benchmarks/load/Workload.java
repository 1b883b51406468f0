package org.atalaya.benchmarks.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * The generator's ground truth. The hotlist lists {@code entries} plates of the old Spanish
 * provincial format with a {@code C} prefix ({@code CE1234FH}); read {@code n} is of a listed
 * plate when {@code n % hitEvery == 0}, each listed plate read at most once, and otherwise of a
 * plate with another prefix ({@code MR1234BD}). The two sets differ in both prefix letters, and
 * no prefix letter is one cameras confuse, so an unlisted read can match no entry, not even
 * through one OCR-equivalent character: the reads that must hit are exactly the listed ones.
 * Every read is of a plate no other read has, so repeat suppression and clone detection stay out
 * of the count. The same arguments always give the same reads.
 */
public final class Workload {

    /** Letters of listed plates' suffixes: none of them one cameras confuse. */
    private static final String LISTED_LETTERS = "CFHJKMNPRT";
    private static final String LISTED_SECOND = "EAHU";
    private static final String UNLISTED_FIRST = "MTVWXYKNPRFHJ";
    private static final String UNLISTED_SECOND = "MRTVWXYKNP";
    private static final String ANY_LETTERS = "BCDFGHJKLMNPRSTVWXYZ";
    private static final int PER_PREFIX = 10_000 * LISTED_LETTERS.length() * LISTED_LETTERS.length();

    private final String run;
    private final int entries;
    private final int hitEvery;
    private final int listedFrom;

    /**
     * @param hitEvery one read in this many is of a listed plate
     * @param listedFrom the first listed plate this workload reads; its unlisted plates start at
     *        {@code listedFrom * 500}, so two workloads on one hub read different plates
     */
    public Workload(String run, int entries, int hitEvery, int listedFrom) {
        if (entries < 1 || entries > PER_PREFIX * LISTED_SECOND.length()) {
            throw new IllegalArgumentException("entries: 1 to " + PER_PREFIX * LISTED_SECOND.length());
        }
        this.run = run;
        this.entries = entries;
        this.hitEvery = requireHitEvery(hitEvery);
        this.listedFrom = listedFrom;
    }

    /** {@code hitEvery} if a workload can have it: one read in 1 or more. */
    static int requireHitEvery(int hitEvery) {
        if (hitEvery < 1) {
            throw new IllegalArgumentException("hitEvery: one read in 1 or more, not " + hitEvery);
        }
        return hitEvery;
    }

    /** The {@code i}-th listed plate. */
    public static String listedPlate(int i) {
        int prefix = i / PER_PREFIX;
        int rest = i % PER_PREFIX;
        int letters = rest / 10_000;
        return "C" + LISTED_SECOND.charAt(prefix) + digits(rest % 10_000)
                + LISTED_LETTERS.charAt(letters / LISTED_LETTERS.length())
                + LISTED_LETTERS.charAt(letters % LISTED_LETTERS.length());
    }

    /** Which listed plate this is; -1 if it is none. */
    public static int listedIndex(String plate) {
        if (plate == null || plate.length() != 8 || plate.charAt(0) != 'C') {
            return -1;
        }
        int prefix = LISTED_SECOND.indexOf(plate.charAt(1));
        int first = LISTED_LETTERS.indexOf(plate.charAt(6));
        int second = LISTED_LETTERS.indexOf(plate.charAt(7));
        if (prefix < 0 || first < 0 || second < 0 || !plate.substring(2, 6).chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return prefix * PER_PREFIX + (first * LISTED_LETTERS.length() + second) * 10_000
                + Integer.parseInt(plate.substring(2, 6));
    }

    /** The read of this workload that reads listed plate {@code listed}; -1 if none does. */
    public long readOfListed(int listed) {
        return listed < listedFrom ? -1 : (long) (listed - listedFrom) * hitEvery;
    }

    /** The {@code n}-th unlisted plate. */
    public static String unlistedPlate(long n) {
        long suffixes = (long) ANY_LETTERS.length() * ANY_LETTERS.length();
        long prefixes = (long) UNLISTED_FIRST.length() * UNLISTED_SECOND.length();
        long number = n % 10_000;
        long rest = n / 10_000;
        long suffix = rest % suffixes;
        long prefix = (rest / suffixes) % prefixes;
        return "" + UNLISTED_FIRST.charAt((int) (prefix / UNLISTED_SECOND.length()))
                + UNLISTED_SECOND.charAt((int) (prefix % UNLISTED_SECOND.length())) + digits((int) number)
                + ANY_LETTERS.charAt((int) (suffix / ANY_LETTERS.length()))
                + ANY_LETTERS.charAt((int) (suffix % ANY_LETTERS.length()));
    }

    private static String digits(int value) {
        String text = Integer.toString(value);
        return "0".repeat(4 - text.length()) + text;
    }

    /** Writes the hotlist as the CSV the hub imports ({@code POST /api/v1/hotlist/import}). */
    public void writeHotlist(OutputStream out) throws IOException {
        StringBuilder chunk = new StringBuilder(1 << 20);
        chunk.append("plate,country,category,priority,reference,reason\n");
        for (int i = 0; i < entries; i++) {
            chunk.append(listedPlate(i)).append(",ES,STOLEN_VEHICLE,").append(50 + i % 50).append(",BENCH-")
                    .append(i).append(",benchmark entry\n");
            if (chunk.length() > (1 << 20) - 200) {
                out.write(chunk.toString().getBytes(StandardCharsets.US_ASCII));
                chunk.setLength(0);
            }
        }
        out.write(chunk.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Whether read {@code n} is posted over REST, about one read in {@code restEvery} (none if 0).
     * Chosen by a mix of the read's number, not by its remainder, so that hits (every
     * {@code hitEvery}-th read) go over REST as often as the other reads.
     */
    public static boolean overRest(long n, int restEvery) {
        if (restEvery <= 0) {
            return false;
        }
        long mixed = (n + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        return Math.floorMod(mixed ^ (mixed >>> 31), restEvery) == 0;
    }

    /** The reads of {@code [from, to)} posted over REST ({@link #overRest(long, int)}). */
    public static long[] overRest(long from, long to, int restEvery) {
        return LongStream.range(from, to).filter(n -> overRest(n, restEvery)).toArray();
    }

    /** Whether read {@code n} is of a listed plate, which must raise exactly one hit. */
    public boolean hits(long n) {
        return n % hitEvery == 0 && listedFrom + n / hitEvery < entries;
    }

    /** Counts in {@code expected} the hits among the reads the hub accepts. */
    public MqttFleet.Acceptance countingHits(AtomicLong expected) {
        return n -> {
            if (hits(n)) {
                expected.incrementAndGet();
            }
        };
    }

    public String plate(long n) {
        return hits(n) ? listedPlate((int) (listedFrom + n / hitEvery)) : unlistedPlate(listedFrom * 500L + n);
    }

    public String readId(long n) {
        return run + "-" + n;
    }

    /** Read {@code n} as the camera sends it (Atalaya JSON), captured now. */
    public String readJson(long n, String camera) {
        return "{\"id\":\"" + readId(n) + "\",\"cameraId\":\"" + camera + "\",\"capturedAt\":\"" + Instant.now()
                + "\",\"plate\":\"" + plate(n) + "\",\"country\":\"ES\",\"confidence\":0.93,"
                + "\"direction\":\"approaching\",\"imageRef\":\"https://cameras.ceuta.example/" + camera + "/"
                + readId(n) + ".jpg\"}";
    }

    /** Each read as sent by its camera: read {@code n} from camera {@code n % cameras.size()}. */
    public java.util.function.LongFunction<String> payloads(java.util.List<String> cameras) {
        return n -> readJson(n, cameras.get((int) (n % cameras.size())));
    }

    /** The read number of one of this run's read ids; -1 for another run's. */
    public long readNumber(String readId) {
        if (readId == null || !readId.startsWith(run + "-")) {
            return -1;
        }
        return Long.parseLong(readId.substring(run.length() + 1));
    }

    public String run() {
        return run;
    }

    public int entries() {
        return entries;
    }
}
