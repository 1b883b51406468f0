package org.atalaya.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.atalaya.runtime.CanonicalJson;
import org.junit.jupiter.api.Test;

class CanonicalInstantsTest {

    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    record Stamped(Instant at) {
    }

    @Test
    void readsEveryInstantTheHubWritesAsTheJdkDoes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(0, YEAR_10000);
            // whole seconds, milliseconds, microseconds and nanoseconds: Instant.toString() writes 0, 3, 6 or 9 digits
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(CanonicalInstants.parse(instant.toString())).as(instant.toString()).isEqualTo(instant);
        }
    }

    @Test
    void leavesEveryOtherFormToJackson() throws Exception {
        for (String other : new String[] {"2026-11-21T21:39:18+01:00", "2026-11-21T21:39:18.1234567890Z",
                "2026-02-30T10:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T21:39:60Z", "2026-11-21 21:39:18Z",
                "2026-11-21T21:39:18.Z", "+12026-11-21T21:39:18Z", "2026-1a-21T21:39:18Z", "2026-11-21T21:39Z"}) {
            assertThat(CanonicalInstants.parse(other)).as(other).isNull();
        }
        // Jackson's reader still takes what it took: an offset, a number of seconds
        assertThat(read("\"2026-11-21T22:39:18+01:00\"")).isEqualTo(Instant.parse("2026-11-21T21:39:18Z"));
        assertThat(read("1763761158")).isEqualTo(Instant.ofEpochSecond(1763761158));
        assertThat(read("\"2026-11-21T21:39:18.5Z\"")).isEqualTo(Instant.parse("2026-11-21T21:39:18.500Z"));
        // and refuses what it refused
        assertThatThrownBy(() -> read("\"2026-02-30T10:00:00Z\"")).isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> read("\"yesterday\"")).isInstanceOf(InvalidFormatException.class);
    }

    private static Instant read(String json) throws Exception {
        return CanonicalJson.mapper().readValue("{\"at\":" + json + "}", Stamped.class).at();
    }
}
