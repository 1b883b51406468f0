package org.atalaya.simulators.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.atalaya.registry.v1.AlertCategory;
import org.atalaya.simulators.registry.Listing;
import org.junit.jupiter.api.Test;

class MinistryHotlistTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final GeneratedHotlist generated = new GeneratedHotlist(7);

    @Test
    void theGeneratedListIsVersionOne() throws Exception {
        MinistryHotlist hotlist = hotlist(1_000, 100);

        assertThat(hotlist.version()).isEqualTo(1);
        assertThat(hotlist.size()).isEqualTo(1_000);
        assertThat(hotlist.oldestVersion()).isEqualTo(1);
        assertThat(hotlist.current("HL-00000999")).contains(generated.listing(999));
        assertThat(hotlist.current("HL-00001000")).isEmpty();
        assertThat(all(hotlist, 0, 77)).containsExactlyElementsOf(generated(1_000));
    }

    @Test
    void eachChangeIsAVersionAndAPageOfAnOldVersionShowsTheListAsItWasThen() throws Exception {
        MinistryHotlist hotlist = hotlist(1_000, 100);
        Listing added = hotlist.add("1234BCD", "ES", AlertCategory.STOLEN_VEHICLE, 80, "Stolen in Ceuta");
        Listing raised = hotlist.update(generated.listing(10).withPriority(100, "Armed occupants"));
        assertThat(hotlist.remove("HL-00000020")).isTrue();

        assertThat(hotlist.version()).isEqualTo(4);
        assertThat(hotlist.size()).isEqualTo(1_000);
        assertThat(added.reference()).isEqualTo("HL-00001000");
        assertThat(added.validFrom()).isEqualTo(NOW);
        assertThat(all(hotlist, 1, 64)).containsExactlyElementsOf(generated(1_000));
        assertThat(all(hotlist, 2, 64)).hasSize(1_001).endsWith(added);
        List<Listing> now = all(hotlist, 4, 64);
        assertThat(now).hasSize(1_000).contains(added, raised).doesNotContain(generated.listing(20));
        assertThat(hotlist.page(3, 0, 10).entryCount()).isEqualTo(1_001);
        assertThat(hotlist.page(0, 0, 10).version()).isEqualTo(4);
    }

    @Test
    void changesAreNetBetweenTwoVersions() throws Exception {
        MinistryHotlist hotlist = hotlist(100, 100);
        Listing kept = hotlist.add("1234BCD", "ES", AlertCategory.STOLEN_VEHICLE, 80, "Stolen");
        Listing gone = hotlist.add("5678BCD", "ES", AlertCategory.STOLEN_VEHICLE, 80, "Stolen");
        hotlist.remove(gone.reference());
        Listing keptRaised = hotlist.update(kept.withPriority(90, "Stolen, armed"));
        Listing updated = hotlist.update(generated.listing(5).withPriority(1, "Lowered"));
        hotlist.remove("HL-00000006");

        MinistryHotlist.Changes all = hotlist.changes(1, 100);
        assertThat(all.fromVersion()).isEqualTo(1);
        assertThat(all.toVersion()).isEqualTo(7);
        assertThat(all.added()).containsExactly(keptRaised);
        assertThat(all.updated()).containsExactly(updated);
        assertThat(all.removed()).containsExactly("HL-00000006");
        assertThat(all.entryCount()).isEqualTo(100);
        assertThat(all.moreChanges()).isFalse();

        MinistryHotlist.Changes afterAdding = hotlist.changes(3, 100);
        assertThat(afterAdding.added()).isEmpty();
        assertThat(afterAdding.updated()).containsExactly(keptRaised, updated);
        assertThat(afterAdding.removed()).containsExactly(gone.reference(), "HL-00000006");

        MinistryHotlist.Changes none = hotlist.changes(7, 100);
        assertThat(none.toVersion()).isEqualTo(7);
        assertThat(none.added()).isEmpty();
        assertThat(none.updated()).isEmpty();
        assertThat(none.removed()).isEmpty();
    }

    @Test
    void changesComeAtMostMaxChangesVersionsAtATime() throws Exception {
        MinistryHotlist hotlist = hotlist(100, 100);
        for (int i = 0; i < 5; i++) {
            hotlist.remove(GeneratedHotlist.reference(i));
        }
        List<String> removed = new ArrayList<>();
        long since = 1;
        boolean more = true;
        while (more) {
            MinistryHotlist.Changes changes = hotlist.changes(since, 2);
            assertThat(changes.toVersion() - changes.fromVersion()).isLessThanOrEqualTo(2);
            removed.addAll(changes.removed());
            since = changes.toVersion();
            more = changes.moreChanges();
        }
        assertThat(since).isEqualTo(6);
        assertThat(removed).containsExactly("HL-00000000", "HL-00000001", "HL-00000002", "HL-00000003",
                "HL-00000004");
    }

    @Test
    void versionsBeforeTheOldestKeptChangeAreGone() throws Exception {
        MinistryHotlist hotlist = hotlist(100, 3);
        for (int i = 0; i < 5; i++) {
            hotlist.update(generated.listing(i).withPriority(i, "Changed " + i));
        }

        assertThat(hotlist.version()).isEqualTo(6);
        assertThat(hotlist.oldestVersion()).isEqualTo(3);
        assertThatThrownBy(() -> hotlist.changes(2, 100)).isInstanceOfSatisfying(MinistryHotlist.VersionGone.class,
                gone -> {
                    assertThat(gone.oldestVersion()).isEqualTo(3);
                    assertThat(gone.currentVersion()).isEqualTo(6);
                });
        assertThatThrownBy(() -> hotlist.page(2, 0, 10)).isInstanceOf(MinistryHotlist.VersionGone.class);
        assertThat(hotlist.changes(3, 100).updated()).extracting(Listing::reason)
                .containsExactly("Changed 2", "Changed 3", "Changed 4");
        // the oldest kept version still reads as it was
        assertThat(all(hotlist, 3, 100)).filteredOn(listing -> listing.reason().startsWith("Changed"))
                .extracting(Listing::reason).containsExactly("Changed 0", "Changed 1");
    }

    @Test
    void withNoChangesKeptOnlyTheCurrentVersionCanBeAskedFrom() throws Exception {
        MinistryHotlist hotlist = hotlist(10, 0);
        hotlist.remove("HL-00000001");

        assertThat(hotlist.oldestVersion()).isEqualTo(2);
        assertThatThrownBy(() -> hotlist.changes(1, 10)).isInstanceOf(MinistryHotlist.VersionGone.class);
        assertThat(hotlist.changes(2, 10).removed()).isEmpty();
        assertThat(all(hotlist, 0, 3)).hasSize(9);
    }

    @Test
    void addedEntriesThatAreGoneLeaveNothingBehind() throws Exception {
        MinistryHotlist hotlist = hotlist(10, 2);
        for (int i = 0; i < 1_000; i++) {
            Listing added = hotlist.add("1234BCD", "ES", AlertCategory.OTHER, 10, "Passing");
            hotlist.remove(added.reference());
        }

        assertThat(hotlist.size()).isEqualTo(10);
        assertThat(hotlist.listed("1234BCD", "ES")).isEmpty();
        assertThat(all(hotlist, 0, 4)).containsExactlyElementsOf(generated(10));
    }

    @Test
    void aPlateIsLookedUpInTheGeneratedListAndTheChanges() {
        MinistryHotlist hotlist = hotlist(1_000, 100);
        Listing listed = generated.listing(321);
        Listing moved = generated.listing(322);

        assertThat(hotlist.listed(listed.plate(), listed.country())).containsExactly(listed);
        Listing second = hotlist.add(listed.plate(), listed.country(), AlertCategory.CLONE_SUSPICION, 60, "Clone");
        assertThat(hotlist.listed(listed.plate(), listed.country())).containsExactly(listed, second);

        Listing renamed = new Listing(moved.reference(), "9999ZZZ", "ES", moved.category(), moved.priority(),
                moved.reason(), moved.validFrom(), moved.validUntil(), moved.sisAlertId());
        hotlist.update(renamed);
        assertThat(hotlist.listed(moved.plate(), moved.country())).isEmpty();
        assertThat(hotlist.listed("9999ZZZ", "ES")).contains(renamed);

        hotlist.remove(listed.reference());
        assertThat(hotlist.listed(listed.plate(), listed.country())).containsExactly(second);
        assertThat(hotlist.listed(generated.listing(5_000).plate(), generated.listing(5_000).country())).isEmpty();
    }

    @Test
    void onlyListedEntriesAreUpdatedOrRemoved() {
        MinistryHotlist hotlist = hotlist(10, 100);
        hotlist.remove("HL-00000003");

        assertThat(hotlist.remove("HL-00000003")).isFalse();
        assertThat(hotlist.remove("HL-00000010")).isFalse();
        assertThat(hotlist.remove("nonsense")).isFalse();
        assertThatThrownBy(() -> hotlist.update(generated.listing(3))).isInstanceOf(NoSuchElementException.class);
        assertThat(hotlist.version()).isEqualTo(2);
    }

    @Test
    void aPageTokenOfAVersionNotYetMadeIsRefused() {
        MinistryHotlist hotlist = hotlist(10, 100);
        assertThatThrownBy(() -> hotlist.page(2, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hotlist.changes(2, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hotlist.changes(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMillionEntriesArePagedWithoutBeingHeld() throws Exception {
        MinistryHotlist hotlist = hotlist(1_000_000, 10_000);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000; i++) {
            hotlist.remove(GeneratedHotlist.reference(random.nextInt(1_000_000)));
        }
        long listed = hotlist.size();

        long count = 0;
        String last = "";
        MinistryHotlist.Page page = hotlist.page(0, 0, 10_000);
        while (true) {
            assertThat(page.entryCount()).isEqualTo(listed);
            for (Listing listing : page.entries()) {
                assertThat(listing.reference()).isGreaterThan(last);
                last = listing.reference();
            }
            count += page.entries().size();
            if (page.next() < 0) {
                break;
            }
            page = hotlist.page(page.version(), page.next(), 10_000);
        }
        assertThat(count).isEqualTo(listed).isGreaterThan(998_000);
        Listing deep = generated.listing(876_543);
        assertThat(hotlist.listed(deep.plate(), deep.country())).containsAnyOf(deep);
    }

    private MinistryHotlist hotlist(int entries, int retained) {
        return new MinistryHotlist(generated, entries, retained, CLOCK);
    }

    private List<Listing> generated(int entries) {
        List<Listing> listings = new ArrayList<>();
        for (int index = 0; index < entries; index++) {
            listings.add(generated.listing(index));
        }
        return listings;
    }

    /** Every page of the snapshot at {@code version} (0 for the current one). */
    private static List<Listing> all(MinistryHotlist hotlist, long version, int pageSize) throws Exception {
        List<Listing> listings = new ArrayList<>();
        MinistryHotlist.Page page = hotlist.page(version, 0, pageSize);
        long at = page.version();
        listings.addAll(page.entries());
        while (page.next() >= 0) {
            page = hotlist.page(at, page.next(), pageSize);
            assertThat(page.version()).isEqualTo(at);
            assertThat(page.entries()).isNotEmpty();
            listings.addAll(page.entries());
        }
        assertThat(listings).hasSize((int) hotlist.page(at, 0, 1).entryCount());
        return listings;
    }
}
