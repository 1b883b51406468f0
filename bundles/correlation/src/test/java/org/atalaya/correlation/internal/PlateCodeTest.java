package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlateCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "Z", "1234BCD", "CE1234AB", "ZZZZZZZZZZZ", "00000000000", "A0"})
    void encodesEveryPlateReversibly(String plate) {
        long code = PlateCode.of(plate);
        assertThat(code).isPositive();
        assertThat(PlateCode.toString(code)).isEqualTo(plate);
        assertThat(PlateCode.length(code)).isEqualTo(plate.length());
    }

    @Test
    void distinguishesLeadingZeros() {
        assertThat(PlateCode.of("0123")).isNotEqualTo(PlateCode.of("123"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ZZZZZZZZZZZZ", "12 34", "abc"})
    void hasNoCodeForWhatIsNotNormalised(String plate) {
        assertThat(PlateCode.of(plate)).isZero();
    }
}
