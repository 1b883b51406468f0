package org.atalaya.registry.v1.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

class XmlDateTimesTest {

    private static final Instant NOON = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void printsUtcWithAZ() {
        assertThat(XmlDateTimes.print(NOON)).isEqualTo("2026-11-21T12:00:00Z");
        assertThat(XmlDateTimes.print(NOON.plusMillis(250))).isEqualTo("2026-11-21T12:00:00.250Z");
    }

    @Test
    void readsAnyOffsetAndTakesATimeWithoutOneAsUtc() {
        assertThat(XmlDateTimes.parse("2026-11-21T12:00:00Z")).isEqualTo(NOON);
        assertThat(XmlDateTimes.parse("2026-11-21T13:00:00+01:00")).isEqualTo(NOON);
        assertThat(XmlDateTimes.parse(" 2026-11-21T12:00:00 ")).isEqualTo(NOON);
        assertThat(XmlDateTimes.parse("2026-11-21T12:00:00.250Z")).isEqualTo(NOON.plusMillis(250));
    }

    @Test
    void leavesAbsentTimesAbsentAndRefusesWhatIsNotADateTime() {
        assertThat(XmlDateTimes.parse(null)).isNull();
        assertThat(XmlDateTimes.print(null)).isNull();
        assertThatThrownBy(() -> XmlDateTimes.parse("21/11/2026 12:00")).isInstanceOf(DateTimeParseException.class);
    }
}
