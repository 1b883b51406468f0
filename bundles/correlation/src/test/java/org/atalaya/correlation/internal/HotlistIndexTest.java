package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.atalaya.api.anpr.CharacterMatch;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.MatchKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotlistIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant LISTED = NOW.minus(Duration.ofDays(10));

    private final HotlistIndex index = new HotlistIndex(OcrEquivalence.defaults(), 16);

    @Test
    void aListedPlateHitsExactly() {
        index.add(entry(1, "1234BCD", "ES", 80));

        List<HotlistMatch> matches = match("1234BCD", "ES", 1);

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.entryId()).isEqualTo(1);
            assertThat(match.kind()).isEqualTo(MatchKind.EXACT);
            assertThat(match.differences()).isEmpty();
            assertThat(match.category()).isEqualTo(HotlistCategory.STOLEN_VEHICLE);
            assertThat(match.priority()).isEqualTo(80);
        });
    }

    @Test
    void anUnlistedPlateDoesNotHit() {
        index.add(entry(1, "1234BCD", "ES", 80));
        assertThat(match("1234BCF", "ES", 1)).isEmpty();
        assertThat(match("234BCD", "ES", 1)).isEmpty();
        assertThat(match("11234BCD", "ES", 1)).isEmpty();
    }

    @ParameterizedTest(name = "listed {0}, read {1}")
    @CsvSource({
        "1234BCD, 1234BCO, 6, D, O", "1234BCD, 1234BC0, 6, D, 0", "1234BCD, 1234BCQ, 6, D, Q",
        "CE1234AB, CE1234A8, 7, B, 8", "CE1234AB, CEI234AB, 2, 1, I", "CE1234AB, CEL234AB, 2, 1, L",
        "2345GHJ, Z345GHJ, 0, 2, Z", "5555KLM, 555SKLM, 3, 5, S", "6789FGH, G789FGH, 0, 6, G",
        "AB123CD, AB12ZCD, 4, 3, Z"})
    void anOcrConfusedReadHitsAndSaysWhichCharacterMatchedHow(String listed, String read, int position,
            char listedChar, char readChar) {
        if (!OcrEquivalence.defaults().equivalent(listedChar, readChar)) {
            // 3/Z is not a default class: the read must not hit
            index.add(entry(1, listed, "ES", 50));
            assertThat(match(read, "ES", 1)).isEmpty();
            return;
        }
        index.add(entry(1, listed, "ES", 50));

        assertThat(match(read, "ES", 1)).singleElement().satisfies(match -> {
            assertThat(match.kind()).isEqualTo(MatchKind.OCR_EQUIVALENT);
            assertThat(match.listedPlate()).isEqualTo(listed);
            assertThat(match.differences()).containsExactly(new CharacterMatch(position, readChar, listedChar));
        });
    }

    @Test
    void oneEquivalentCharacterByDefaultTwoWhenConfiguredNeverMore() {
        index.add(entry(1, "1234BCD", "ES", 50));

        assertThat(match("I234BC0", "ES", 1)).isEmpty();
        assertThat(match("I234BC0", "ES", 2)).singleElement()
                .satisfies(match -> assertThat(match.differences()).hasSize(2));
        assertThat(match("I234B00", "ES", 2)).isEmpty();
        assertThat(match("I234B00", "ES", 3)).as("capped at two").isEmpty();
        assertThat(match("1234BCO", "ES", 0)).as("exact only").isEmpty();
    }

    @Test
    void platesShorterThanFiveCharactersMatchOnlyExactly() {
        index.add(entry(1, "B123", null, 50));
        index.add(entry(2, "B1234", null, 50));

        assertThat(match("8123", null, 2)).isEmpty();
        assertThat(match("B123", null, 2)).singleElement().extracting(HotlistMatch::kind).isEqualTo(MatchKind.EXACT);
        assertThat(match("81234", null, 1)).singleElement()
                .extracting(HotlistMatch::kind).isEqualTo(MatchKind.OCR_EQUIVALENT);
    }

    @Test
    void elevenCharactersAreTheLongestPlate() {
        index.add(entry(1, "ABCDEFGH123", null, 50));
        assertThat(match("ABCDEFGH1Z3", null, 1)).hasSize(1);
        assertThatThrownBy(() -> index.add(entry(2, "ABCDEFGH1234", null, 50)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(match("ABCDEFGH1234", null, 1)).isEmpty();
    }

    @Test
    void anEntryHitsOnlyWithinItsValidityWindow() {
        index.add(new HotlistEntry(1, "1234BCD", "ES", HotlistCategory.STOLEN_VEHICLE, 50, "interior-ministry",
                "robo", "ref", LISTED, NOW));
        index.add(new HotlistEntry(2, "5678FGH", "ES", HotlistCategory.STOLEN_VEHICLE, 50, "interior-ministry",
                "robo", "ref", NOW.plusSeconds(60), null));

        assertThat(index.match("1234BCD", "ES", NOW.minusSeconds(60), NOW, 1)).as("expired").isEmpty();
        assertThat(index.match("1234BCD", "ES", NOW.minusSeconds(60), NOW.minusSeconds(1), 1)).hasSize(1);
        assertThat(index.match("5678FGH", "ES", NOW, NOW, 1)).as("not yet listed").isEmpty();
        assertThat(index.match("5678FGH", "ES", NOW.plusSeconds(60), NOW.plusSeconds(60), 1)).hasSize(1);
    }

    @Test
    void countriesMustAgreeWhenBothAreKnown() {
        index.add(entry(1, "1234BCD", "ES", 50));
        index.add(entry(2, "AB123CD", null, 50));

        assertThat(match("1234BCD", "FR", 1)).isEmpty();
        assertThat(match("1234BCD", null, 1)).hasSize(1);
        assertThat(match("AB123CD", "FR", 1)).hasSize(1);
        assertThat(match("AB123CD", "MA", 1)).hasSize(1);
    }

    @Test
    void matchesComeHighestPriorityFirstThenExactBeforeEquivalent() {
        index.add(entry(1, "1234BC0", "ES", 40));
        index.add(entry(2, "1234BCD", "ES", 90));
        index.add(entry(3, "1234BCO", "ES", 40));

        assertThat(match("1234BCO", "ES", 1)).extracting(HotlistMatch::entryId).containsExactly(2L, 3L, 1L);
    }

    @Test
    void aRemovedEntryNoLongerHitsAndAnUpdateReplacesIt() {
        HotlistEntry stolen = entry(1, "1234BCD", "ES", 50);
        index.add(stolen);
        index.add(entry(2, "1234BCD", null, 30));

        index.apply(List.of(stolen), List.of(entry(1, "9999XYZ", "ES", 60)));

        assertThat(match("1234BCD", "ES", 1)).extracting(HotlistMatch::entryId).containsExactly(2L);
        assertThat(match("9999XYZ", "ES", 1)).extracting(HotlistMatch::priority).containsExactly(60);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void growsFarBeyondItsFirstCapacity() {
        List<HotlistEntry> entries = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            entries.add(entry(i, String.format("%07d", i), null, i % 101));
        }
        index.apply(List.of(), entries);
        for (int i = 0; i < 100; i++) {
            index.remove(entries.get(i));
        }

        assertThat(index.size()).isEqualTo(199_900);
        assertThat(match("0000050", null, 0)).isEmpty();
        assertThat(match("0123456", null, 0)).extracting(HotlistMatch::entryId).containsExactly(123_456L);
        index.add(entry(7, "0000050", null, 1));
        assertThat(match("0000050", null, 0)).extracting(HotlistMatch::entryId).containsExactly(7L);
    }

    @Test
    void refusesAChangeSetWithAnInvalidPlateAndAppliesNoneOfIt() {
        assertThatThrownBy(() -> index.apply(List.of(), List.of(entry(1, "1234BCD", null, 1), entry(2, "12 34", null, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry 2");
        assertThat(index.size()).isZero();
    }

    @Test
    void aReaderSeesAChangeSetWholeOrNotAtAll() throws Exception {
        int setSize = 500;
        List<HotlistEntry> first = new ArrayList<>();
        List<HotlistEntry> second = new ArrayList<>();
        for (int i = 0; i < setSize; i++) {
            first.add(entry(i, "1234BCD", null, 50));
            second.add(entry(setSize + i, "1234BCD", null, 50));
        }
        index.apply(List.of(), first);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!done.get() && torn.get() == null) {
                List<HotlistMatch> matches = match("1234BCD", null, 0);
                long firstSet = matches.stream().filter(m -> m.entryId() < setSize).count();
                if (matches.size() != setSize || (firstSet != 0 && firstSet != setSize)) {
                    torn.set(matches.size() + " matches, " + firstSet + " of the first set");
                }
                reads.incrementAndGet();
            }
        });
        reader.start();
        for (int swap = 0; swap < 200; swap++) {
            if (swap % 2 == 0) {
                index.apply(first, second);
            } else {
                index.apply(second, first);
            }
        }
        done.set(true);
        reader.join();

        assertThat(torn.get()).isNull();
        assertThat(reads.get()).isPositive();
    }

    @Test
    void takesOverAListBuiltAsideWhole() {
        index.add(entry(1, "1234BCD", "ES", 50));
        HotlistIndex built = new HotlistIndex(OcrEquivalence.defaults(), 4);
        built.apply(List.of(), List.of(entry(2, "5678FGH", "ES", 60), entry(3, "CE1234AB", null, 70)));

        index.replaceWith(built);

        assertThat(match("1234BCD", "ES", 1)).isEmpty();
        assertThat(match("5678FGH", "ES", 1)).extracting(HotlistMatch::entryId).containsExactly(2L);
        assertThat(match("CE1234A8", null, 1)).extracting(HotlistMatch::entryId).containsExactly(3L);
        assertThat(index.size()).isEqualTo(2);
        assertThat(built.size()).as("left empty").isZero();
        assertThat(built.match("5678FGH", "ES", NOW, NOW, 1)).isEmpty();
        index.add(entry(4, "1234BCD", "ES", 50));
        assertThat(match("1234BCD", "ES", 1)).extracting(HotlistMatch::entryId).containsExactly(4L);
    }

    @Test
    void refusesAListBuiltWithOtherEquivalences() {
        HotlistIndex built = new HotlistIndex(new OcrEquivalence("0OD,1I"), 4);

        assertThatThrownBy(() -> index.replaceWith(built)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("equivalences");
    }

    @Test
    void aReaderSeesTheListBeforeASwapOrAfterItNeverAMix() throws Exception {
        int setSize = 500;
        List<HotlistEntry> first = new ArrayList<>();
        List<HotlistEntry> second = new ArrayList<>();
        for (int i = 0; i < setSize; i++) {
            // 1234BCD and 1234BC0 are OCR-equivalent: a read of 1234BCO matches both lists at once
            first.add(entry(i, "1234BCD", null, 50));
            second.add(entry(setSize + i, "1234BC0", null, 50));
        }
        index.apply(List.of(), first);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            while (!done.get() && torn.get() == null) {
                List<HotlistMatch> matches = match("1234BCO", null, 1);
                long firstSet = matches.stream().filter(m -> m.entryId() < setSize).count();
                if (matches.size() != setSize || (firstSet != 0 && firstSet != setSize)) {
                    torn.set(matches.size() + " matches, " + firstSet + " of the first list");
                }
                reads.incrementAndGet();
                reading.countDown();
            }
        });
        reader.start();
        reading.await();
        for (int swap = 0; swap < 200 && torn.get() == null; swap++) {
            HotlistIndex built = new HotlistIndex(OcrEquivalence.defaults(), setSize);
            built.apply(List.of(), swap % 2 == 0 ? second : first);
            index.replaceWith(built);
        }
        done.set(true);
        reader.join();

        assertThat(torn.get()).isNull();
        assertThat(reads.get()).isPositive();
    }

    private List<HotlistMatch> match(String plate, String country, int maxEquivalent) {
        return index.match(plate, country, NOW, NOW, maxEquivalent);
    }

    private static HotlistEntry entry(long id, String plate, String country, int priority) {
        return new HotlistEntry(id, plate, country, HotlistCategory.STOLEN_VEHICLE, priority, "interior-ministry",
                "robo", "ES-" + id, LISTED, null);
    }
}
