package org.atalaya.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.atalaya.api.event.RejectedEvent;
import org.junit.jupiter.api.Test;

class EdgeValidationTest {

    @Test
    void takesAsciiAndWellFormedUtf8() {
        assertThatCode(() -> EdgeValidation.requireUtf8(bytes("{\"plate\":\"1234BCD\"}"), "JSON"))
                .doesNotThrowAnyException();
        assertThatCode(() -> EdgeValidation.requireUtf8(bytes("{\"plate\":\"12345 ب 6\",\"site\":\"Benzú\"}"), "JSON"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnOverlongFormALoneSurrogateAndACutSequenceWithTheirOffset() {
        byte[] overlong = {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        byte[] surrogate = {'"', (byte) 0xED, (byte) 0xB0, (byte) 0x80, '"'};
        byte[] cut = {'"', 'a', (byte) 0xE2, (byte) 0x82};

        assertThatThrownBy(() -> EdgeValidation.requireUtf8(overlong, "JSON")).isInstanceOf(RejectedEvent.class)
                .hasMessageStartingWith("not valid JSON: not UTF-8 at byte 2");
        assertThatThrownBy(() -> EdgeValidation.requireUtf8(surrogate, "JSON")).hasMessageContaining("at byte 1");
        assertThatThrownBy(() -> EdgeValidation.requireUtf8(cut, "JSON")).hasMessageContaining("at byte 2");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
