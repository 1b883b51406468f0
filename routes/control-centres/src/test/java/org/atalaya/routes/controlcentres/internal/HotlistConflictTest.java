package org.atalaya.routes.controlcentres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistImport;
import org.atalaya.api.anpr.PlateCheck;
import org.atalaya.security.rest.Problem;
import org.atalaya.store.internal.HotlistStore;
import org.atalaya.store.jdbc.DatabaseTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An entry whose source and reference are already listed, as the real store refuses it. */
class HotlistConflictTest extends DatabaseTestSupport {

    private static final String ENTRY = """
            {"plate":"%s","country":"ES","category":"STOLEN_VEHICLE","priority":90,
             "reason":"robbery","reference":"%s","source":"dgt"}""";

    private HotlistResource resource;

    @BeforeEach
    void listOverTheStore() {
        resource = new HotlistResource(new StoredHotlist(new HotlistStore(database, Clock.systemUTC())));
    }

    @Test
    void aSourceAndReferenceAlreadyListedIsAConflictNamingThem() {
        HotlistEntry first = resource.listed(entry("1234BCD", "DGT-2026-118"));

        assertThat(first.id()).isPositive();
        assertThatThrownBy(() -> resource.listed(entry("5678FGH", "DGT-2026-118")))
                .isInstanceOfSatisfying(Problem.class, conflict -> {
                    assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
                    assertThat(conflict.getResponse().getMediaType()).hasToString(Problem.MEDIA_TYPE);
                    assertThat((String) conflict.getResponse().getEntity()).contains("\"title\":\"Conflict\"")
                            .contains("source 'dgt' already lists reference 'DGT-2026-118'");
                });
        assertThat(resource.listed(entry("5678FGH", "DGT-2026-119")).id()).isGreaterThan(first.id());
    }

    @Test
    void changingAnEntryToASourceAndReferenceAlreadyListedIsAConflict() {
        resource.listed(entry("1234BCD", "DGT-2026-118"));
        HotlistEntry other = resource.listed(entry("5678FGH", "DGT-2026-119"));
        byte[] change = ENTRY.formatted("5678FGH", "DGT-2026-118").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> resource.changed(other.id(), change, "local-police"))
                .isInstanceOfSatisfying(Problem.class, conflict -> {
                    assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
                    assertThat(conflict.getMessage()).contains("already lists reference 'DGT-2026-118'");
                });
    }

    private HotlistEntry entry(String plate, String reference) {
        return resource.entry(0, ENTRY.formatted(plate, reference).getBytes(StandardCharsets.UTF_8), "local-police");
    }

    /** The hotlist as far as adding and changing go: straight to the store, whose unique index decides. */
    private record StoredHotlist(HotlistStore store) implements Hotlist {

        @Override
        public HotlistEntry add(HotlistEntry entry) {
            return store.add(entry);
        }

        @Override
        public Optional<HotlistEntry> update(HotlistEntry entry) {
            return store.update(entry).map(replaced -> entry);
        }

        @Override
        public Optional<HotlistEntry> remove(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<HotlistEntry> find(long id) {
            return store.find(id);
        }

        @Override
        public List<HotlistEntry> list(String plate, long afterId, int limit) {
            return store.list(plate, afterId, limit);
        }

        @Override
        public long size() {
            return store.count();
        }

        @Override
        public HotlistImport importCsv(Reader csv, String defaultSource, LongConsumer progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String plateKey(String plate) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PlateCheck check(String plate, String country) {
            throw new UnsupportedOperationException();
        }
    }
}
