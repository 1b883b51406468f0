package org.atalaya.simulators.anpr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.SplittableRandom;

import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.correlation.internal.HubHotlistCsv;
import org.atalaya.correlation.plate.PlateNormaliser;
import org.junit.jupiter.api.Test;

class SampleHotlistTest {

    private final SampleHotlist sample = SampleHotlist.load();

    @Test
    void hasTheHeaderTheHubImports() {
        assertThat(sample.csv().lines().findFirst())
                .contains("plate,country,category,priority,source,reason,reference");
    }

    @Test
    void everyRowIsAValidDemoEntryTheHubCanMatchAndTheCamerasCanMisread() {
        assertThat(sample.rows()).hasSizeBetween(10, 15).allSatisfy(row -> {
            Plate plate = row.plate();
            assertThat(plate.normalised()).isEqualTo(PlateNormaliser.normalise(plate.asRead()))
                    .hasSizeGreaterThanOrEqualTo(OcrConfusion.MIN_LENGTH);
            assertThat(PlateNormaliser.country(plate.country())).isEqualTo(plate.country()).isIn("ES", "MA");
            assertThat(row.priority()).isBetween(0, 100);
            assertThat(row.source()).isEqualTo("demo");
            assertThat(row.reason()).isNotBlank().contains("demo");
            assertThat(row.reference()).matches("DEMO-[0-9]{4}");
            assertThat(OcrConfusion.defaults().confuse(plate.asRead(), new SplittableRandom())).isPresent();
            assertThatCode(() -> new HotlistEntry(0, plate.normalised(), plate.country(), row.category(),
                    row.priority(), row.source(), row.reason(), row.reference(), Instant.now(), null))
                    .as("what the hub makes of the row").doesNotThrowAnyException();
        });
        assertThat(sample.rows()).extracting(SampleHotlist.Row::reference).doesNotHaveDuplicates();
        assertThat(sample.rows()).extracting(row -> row.plate().normalised()).doesNotHaveDuplicates();
        assertThat(sample.rows()).extracting(SampleHotlist.Row::category).contains(HotlistCategory.values());
        assertThat(sample.rows()).extracting(row -> row.plate().country()).contains("ES", "MA");
        assertThat(sample.rows()).anySatisfy(row -> assertThat(row.plate().asRead()).startsWith("CE "));
    }

    @Test
    void theHubsOwnReaderListsEveryRowAsWritten() throws IOException {
        HubHotlistCsv hub = HubHotlistCsv.read(sample.csv(), "not-demo");

        assertThat(hub.rejected()).isEmpty();
        assertThat(hub.entries()).hasSameSizeAs(sample.rows());
        for (int i = 0; i < sample.rows().size(); i++) {
            SampleHotlist.Row row = sample.rows().get(i);
            HotlistEntry entry = hub.entries().get(i);
            assertThat(entry.plate()).isEqualTo(row.plate().normalised());
            assertThat(entry.country()).isEqualTo(row.plate().country());
            assertThat(entry.category()).isEqualTo(row.category());
            assertThat(entry.priority()).isEqualTo(row.priority());
            assertThat(entry.source()).isEqualTo("demo");
            assertThat(entry.reason()).isEqualTo(row.reason());
            assertThat(entry.reference()).isEqualTo(row.reference());
            assertThat(entry.validUntil()).isNull();
        }
    }

    @Test
    void refusesRowsThatAreNotEntries() {
        String header = "plate,country,category,priority,source,reason,reference\n";
        assertThatThrownBy(() -> SampleHotlist.parse(header + "5082 GBZ,ES,STOLEN,90,demo,x,DEMO-1\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleHotlist.parse(header + "5082 GBZ,ES,STOLEN_VEHICLE,101,demo,x,DEMO-1\n"))
                .hasMessageContaining("priority 101");
        assertThatThrownBy(() -> SampleHotlist.parse(header + "5082 GBZ,ES,STOLEN_VEHICLE,90,demo\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> SampleHotlist.parse("plate,country\n5082 GBZ,ES\n")).hasMessageContaining("header");
    }
}
