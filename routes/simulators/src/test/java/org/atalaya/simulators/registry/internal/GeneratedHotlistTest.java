package org.atalaya.simulators.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.atalaya.registry.v1.AlertCategory;
import org.atalaya.simulators.registry.Listing;
import org.junit.jupiter.api.Test;

class GeneratedHotlistTest {

    private static final int ENTRIES = 100_000;

    @Test
    void theSameSeedMakesTheSameEntriesAndAnotherSeedOthers() {
        GeneratedHotlist one = new GeneratedHotlist(2026);
        GeneratedHotlist again = new GeneratedHotlist(2026);
        GeneratedHotlist other = new GeneratedHotlist(2027);
        int samePlates = 0;
        for (int index = 0; index < 1_000; index++) {
            assertThat(again.listing(index)).isEqualTo(one.listing(index));
            samePlates += one.listing(index).plate().equals(other.listing(index).plate()) ? 1 : 0;
        }
        assertThat(samePlates).isLessThan(5);
    }

    @Test
    void entriesAreMostlySpanishNationalPlatesWithSomeMoroccanAndFrenchOnesNoneTwice() {
        GeneratedHotlist hotlist = new GeneratedHotlist(1);
        Map<String, Integer> countries = new HashMap<>();
        Map<AlertCategory, Integer> categories = new EnumMap<>(AlertCategory.class);
        Set<String> plates = new HashSet<>();
        for (int index = 0; index < ENTRIES; index++) {
            Listing listing = hotlist.listing(index);
            countries.merge(listing.country(), 1, Integer::sum);
            categories.merge(listing.category(), 1, Integer::sum);
            assertThat(plates.add(listing.country() + listing.plate())).isTrue();
            switch (listing.country()) {
                case "ES" -> assertThat(listing.plate()).matches("\\d{4}[BCDFGHJKLMNPRSTVWXYZ]{3}");
                case "MA" -> assertThat(listing.plate()).matches("[1-9]\\d{0,4}[ABDHWT][1-9]\\d?");
                case "FR" -> assertThat(listing.plate()).matches("[A-HJ-NP-TV-Z]{2}\\d{3}[A-HJ-NP-TV-Z]{2}")
                        .doesNotContain("000");
                default -> throw new AssertionError("unexpected country " + listing.country());
            }
            assertThat(listing.reference()).isEqualTo(String.format("HL-%08d", index));
            assertThat(listing.validFrom()).isBetween(Instant.parse("2020-01-01T00:00:00Z"),
                    Instant.parse("2025-01-01T00:00:00Z"));
            if (listing.sisAlertId() != null) {
                assertThat(listing.sisAlertId()).matches("SIS-(ES|FR)-\\d{10}");
                assertThat(listing.category()).isNotEqualTo(AlertCategory.OTHER);
            }
        }
        assertThat(countries).containsOnlyKeys("ES", "MA", "FR");
        assertThat(countries.get("ES")).isEqualTo(ENTRIES * 9 / 10);
        assertThat(countries.get("MA")).isBetween(6_600, 6_700);
        assertThat(countries.get("FR")).isBetween(3_300, 3_400);
        assertThat(categories).containsOnlyKeys(AlertCategory.values());
        assertThat(categories.get(AlertCategory.STOLEN_VEHICLE)).isBetween(ENTRIES * 45 / 100, ENTRIES * 55 / 100);
    }

    @Test
    void anEntryIsFoundFromItsPlate() {
        GeneratedHotlist hotlist = new GeneratedHotlist(99);
        for (int index = 0; index < 20_000; index++) {
            Listing listing = hotlist.listing(index);
            assertThat(hotlist.index(listing.plate(), listing.country(), ENTRIES)).hasValue(index);
        }
    }

    @Test
    void aPlateOfNoEntryBelowTheBoundIsNotFound() {
        GeneratedHotlist hotlist = new GeneratedHotlist(99);
        Listing later = hotlist.listing(5_000);
        assertThat(hotlist.index(later.plate(), later.country(), 5_000)).isEmpty();
        assertThat(hotlist.index(later.plate(), "PT", ENTRIES)).isEmpty();
        assertThat(hotlist.index("CE1234AB", "ES", ENTRIES)).isEmpty();
        assertThat(hotlist.index("12345A95", "MA", ENTRIES)).isEmpty();
    }

    @Test
    void referencesGiveBackTheirEntry() {
        assertThat(GeneratedHotlist.index(GeneratedHotlist.reference(42))).hasValue(42);
        assertThat(GeneratedHotlist.index("HL-99999999")).hasValue(99_999_999);
        assertThat(GeneratedHotlist.index("HL-42")).isEqualTo(OptionalInt.empty());
        assertThat(GeneratedHotlist.index("DEMO-0001")).isEmpty();
        assertThat(GeneratedHotlist.index(null)).isEmpty();
    }
}
