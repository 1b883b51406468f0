package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.junit.jupiter.api.Test;

class HotlistCsvTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void readsTheRequiredColumnsAndTheOptionalOnesInAnyOrder() throws IOException {
        List<HotlistEntry> entries = read("""
                reference,plate,priority,category,country,reason,valid_until
                DGT-1,1234 BCD,90,stolen_vehicle,es,"Robbed, Avenida de España",2027-01-01
                ,CE-4321-AB,40,WANTED_PERSON_VEHICLE,,,
                """, new ArrayList<>());

        assertThat(entries).hasSize(2);
        HotlistEntry first = entries.get(0);
        assertThat(first.plate()).isEqualTo("1234BCD");
        assertThat(first.country()).isEqualTo("ES");
        assertThat(first.category()).isEqualTo(HotlistCategory.STOLEN_VEHICLE);
        assertThat(first.priority()).isEqualTo(90);
        assertThat(first.source()).isEqualTo("console");
        assertThat(first.reason()).isEqualTo("Robbed, Avenida de España");
        assertThat(first.reference()).isEqualTo("DGT-1");
        assertThat(first.validFrom()).isEqualTo(NOW);
        assertThat(first.validUntil()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(entries.get(1).country()).isNull();
        assertThat(entries.get(1).reference()).isNull();
    }

    @Test
    void badRowsAreReportedWithTheirLineAndTheRestImported() throws IOException {
        List<String> rejected = new ArrayList<>();
        List<HotlistEntry> entries = read("""
                plate,country,category,priority
                1234BCD,ES,STOLEN_VEHICLE,90
                12#4,ES,STOLEN_VEHICLE,90
                5678FGH,ESP,STOLEN_VEHICLE,90
                5678FGH,ES,STOLEN_BICYCLE,90
                5678FGH,ES,OTHER,101
                5678FGH,ES,OTHER,"50
                9999KLM,MA,OTHER,10
                """, rejected);

        assertThat(entries).extracting(HotlistEntry::plate).containsExactly("1234BCD", "9999KLM");
        assertThat(rejected).hasSize(5);
        assertThat(rejected.get(0)).startsWith("line 3:").contains("not a licence plate");
        assertThat(rejected.get(1)).startsWith("line 4:").contains("ISO 3166");
        assertThat(rejected.get(2)).startsWith("line 5:").contains("category");
        assertThat(rejected.get(3)).startsWith("line 6:").contains("0 to 100");
        assertThat(rejected.get(4)).startsWith("line 7:").contains("unterminated");
    }

    @Test
    void rowsWithExtraCellsTextPastItsColumnControlCharactersOrBytesThatWereNotUtf8AreRefused() throws IOException {
        List<String> rejected = new ArrayList<>();
        List<HotlistEntry> entries = read("plate,country,category,priority,reason\n"
                + "1234BCD,ES,OTHER,10,stolen,extra\n"
                + "1234BCD,ES,OTHER,10," + "x".repeat(401) + "\n"
                + "1234BCD,ES,OTHER,10,stolen\u0000\n"
                + "1234BCD,ES,OTHER,10,stol\uFFFDen\n"
                + "5678FGH,ES,OTHER,10," + "y".repeat(400) + "\n", rejected);

        assertThat(entries).extracting(HotlistEntry::plate).containsExactly("5678FGH");
        assertThat(rejected).hasSize(4);
        assertThat(rejected.get(0)).startsWith("line 2:").contains("6 cells, where the header has 5");
        assertThat(rejected.get(1)).startsWith("line 3:").contains("reason is longer than 400");
        assertThat(rejected.get(2)).startsWith("line 4:").contains("control character");
        assertThat(rejected.get(3)).startsWith("line 5:").contains("not UTF-8");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefused() {
        assertThatThrownBy(() -> read("plate,category\n1234BCD,OTHER\n", new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("country, priority");
        assertThatThrownBy(() -> read("", new ArrayList<>())).hasMessageContaining("empty");
    }

    @Test
    void rowsArriveInChunks() throws IOException {
        StringBuilder csv = new StringBuilder("plate,country,category,priority\n");
        for (int i = 0; i < 25; i++) {
            csv.append(1000 + i).append("BCD,ES,OTHER,10\n");
        }
        List<Integer> sizes = new ArrayList<>();
        HotlistCsv reader = new HotlistCsv("console", NOW);
        reader.read(new StringReader(csv.toString()), 10, chunk -> sizes.add(chunk.size()));
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(reader.rows()).isEqualTo(25);
    }

    private static List<HotlistEntry> read(String csv, List<String> rejected) throws IOException {
        HotlistCsv reader = new HotlistCsv("console", NOW);
        List<HotlistEntry> entries = new ArrayList<>();
        reader.read(new StringReader(csv), 100, entries::addAll);
        rejected.addAll(reader.rejected());
        return entries;
    }
}
