package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.runtime.CanonicalJson;
import org.atalaya.runtime.EventArrays;
import org.junit.jupiter.api.Test;

/** What a message on {@code atalaya.in.anpr} carries, and what of it is refused. */
class InboundReadsTest {

    private static final PlateRead FIRST = read("read-1", "1234BCD");
    private static final PlateRead SECOND = read("read-2", "5678FGH");

    @Test
    void oneReadIsCarriedWithItsJsonAsItCame() throws Exception {
        String json = json(FIRST);

        InboundReads carried = InboundReads.of(json);

        assertThat(carried.refused()).isEmpty();
        assertThat(carried.reads()).singleElement().satisfies(read -> {
            assertThat(read.read()).isEqualTo(FIRST);
            assertThat(read.json()).isEqualTo(json);
        });
    }

    @Test
    void anArrayCarriesEachOfItsReadsInOrder() throws Exception {
        InboundReads carried = InboundReads.of(EventArrays.of(List.of(json(FIRST), json(SECOND))).get(0));

        assertThat(carried.refused()).isEmpty();
        assertThat(carried.reads()).extracting(InboundReads.Carried::read).containsExactly(FIRST, SECOND);
        assertThat(carried.reads()).extracting(InboundReads.Carried::json).containsExactly(json(FIRST), json(SECOND));
    }

    @Test
    void eachReadsJsonIsItsTextInTheArrayWhateverTheSpacesAround() throws Exception {
        InboundReads carried = InboundReads.of(" [\n  " + json(FIRST) + " ,\n\t" + json(SECOND) + "\n] ");

        assertThat(carried.refused()).isEmpty();
        assertThat(carried.reads()).extracting(InboundReads.Carried::json).containsExactly(json(FIRST), json(SECOND));
    }

    @Test
    void anElementThatIsNotAReadIsRefusedAloneWithItsReasonAndTheReadsBesideItAreCarried() throws Exception {
        String noCapture = "{\"id\":\"read-x\",\"cameraId\":\"hacho-1\",\"plate\":\"1234BCD\"}";

        InboundReads carried = InboundReads.of("[" + json(FIRST) + "," + noCapture + ",42," + json(SECOND) + ",null]");

        assertThat(carried.reads()).extracting(InboundReads.Carried::read).containsExactly(FIRST, SECOND);
        assertThat(carried.refused()).hasSize(3);
        assertThat(carried.refused().get(0).json()).isEqualTo(noCapture);
        assertThat(carried.refused().get(0).reason()).startsWith("not a canonical plate read: ").contains("capturedAt");
        assertThat(carried.refused().get(1).json()).isEqualTo("42");
        assertThat(carried.refused().get(1).reason()).contains("not a JSON object");
        assertThat(carried.refused().get(2).json()).isEqualTo("null");
    }

    @Test
    void aMessageThatIsNotJsonIsRefusedWhole() {
        for (String body : new String[] {"{\"id\":\"read-1\",\"plate\":", "[{\"id\":\"read-1\"},", "", "null",
                "\"read\""}) {
            InboundReads carried = InboundReads.of(body);

            assertThat(carried.reads()).as(body).isEmpty();
            assertThat(carried.refused()).as(body).singleElement().satisfies(refused -> {
                assertThat(refused.json()).isEqualTo(body);
                assertThat(refused.reason()).startsWith("not a canonical plate read: ");
            });
        }
    }

    @Test
    void anEmptyArrayCarriesNothingAndRefusesNothing() {
        InboundReads carried = InboundReads.of("[]");

        assertThat(carried.reads()).isEmpty();
        assertThat(carried.refused()).isEmpty();
    }

    private static PlateRead read(String id, String plate) {
        return new PlateRead(id, "hacho-1", Instant.parse("2026-11-22T08:00:00Z"), plate, plate, "ES", 0.9,
                Direction.APPROACHING, null, null);
    }

    private static String json(PlateRead read) throws Exception {
        return CanonicalJson.mapper().writeValueAsString(read);
    }
}
