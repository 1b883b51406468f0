package org.atalaya.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class EventArraysTest {

    @Test
    void noEventsMakeNoMessage() {
        assertThat(EventArrays.of(List.of())).isEmpty();
    }

    @Test
    void aFewEventsTravelAsOneArrayInOrder() {
        assertThat(EventArrays.of(List.of("{\"id\":\"a\"}", "{\"id\":\"b\"}", "{\"id\":\"c\"}")))
                .containsExactly("[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]");
    }

    @Test
    void manyEventsAreCutIntoArraysNoLongerThanTheLimitLosingNoneAndKeepingTheOrder() throws Exception {
        List<String> events = IntStream.range(0, 2000)
                .mapToObj(i -> "{\"id\":\"read-" + i + "\",\"plate\":\"" + "X".repeat(i % 90) + "\"}").toList();

        List<String> arrays = EventArrays.of(events);

        assertThat(arrays).hasSizeGreaterThan(1).allSatisfy(array -> assertThat(array).hasSizeLessThanOrEqualTo(
                EventArrays.MAX_CHARS));
        List<String> ids = new ArrayList<>();
        for (String array : arrays) {
            for (JsonNode event : CanonicalJson.mapper().readTree(array)) {
                ids.add(event.get("id").asText());
            }
        }
        assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 2000).mapToObj(i -> "read-" + i).toList());
    }

    @Test
    void anEventLongerThanTheLimitTravelsAlone() {
        String huge = "{\"id\":\"" + "h".repeat(EventArrays.MAX_CHARS) + "\"}";

        assertThat(EventArrays.of(List.of("{\"id\":\"a\"}", huge, "{\"id\":\"b\"}")))
                .containsExactly("[{\"id\":\"a\"}]", "[" + huge + "]", "[{\"id\":\"b\"}]");
    }
}
