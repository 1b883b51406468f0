package org.atalaya.correlation.plate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNormaliserTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = ';', textBlock = """
            1234 BCD        ; 1234BCD
            1234-bcd        ; 1234BCD
            CE 1234 AB      ; CE1234AB
            ce.1234.ab      ; CE1234AB
            AB-123-CD       ; AB123CD
            12345|\u0623|6  ; 12345A6
            ١٢٣٤٥ ب ٦       ; 12345B6
            ÑÁ 12           ; NA12
            M·1234·Z        ; M1234Z
            """)
    void normalisesWhatCamerasAndAgenciesWrite(String asRead, String plate) {
        assertThat(PlateNormaliser.normalise(asRead)).isEqualTo(plate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12#34", "1234 BCD!", "ABCDEFGHIJKL", "€1234", "1234\u00A0\u4E00"})
    void refusesWhatIsNotAPlate(String asRead) {
        assertThat(PlateNormaliser.normalise(asRead)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"es, ES", "' MA ', MA", "E, ", "ESP, ", "1A, ", "'', "})
    void acceptsTwoLetterCountryCodes(String country, String normal) {
        assertThat(PlateNormaliser.country(country)).isEqualTo(normal);
    }
}
