package org.atalaya.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OcrEquivalenceTest {

    private final OcrEquivalence equivalence = OcrEquivalence.defaults();

    @Test
    void mapsEveryCharacterOfAClassToTheClassesFirst() {
        assertThat(PlateCode.toString(equivalence.canonical(PlateCode.of("OD0Q1IL2Z5S8B6GX"
                .substring(0, 11))))).isEqualTo("00001112255");
        assertThat(PlateCode.toString(equivalence.canonical(PlateCode.of("B6GX")))).isEqualTo("866X");
    }

    @Test
    void leavesCharactersOutsideEveryClassAlone() {
        assertThat(equivalence.canonical(PlateCode.of("ACEFHX79"))).isEqualTo(PlateCode.of("ACEFHX79"));
    }

    @Test
    void refusesOverlappingOrMalformedClasses() {
        assertThatThrownBy(() -> new OcrEquivalence("0O,O8")).hasMessageContaining("more than one class");
        assertThatThrownBy(() -> new OcrEquivalence("0")).hasMessageContaining("at least two");
        assertThatThrownBy(() -> new OcrEquivalence("0#")).hasMessageContaining("not a plate character");
    }

    @Test
    void acceptsCustomClasses() {
        OcrEquivalence custom = new OcrEquivalence("4A, 7T");
        assertThat(custom.equivalent('A', '4')).isTrue();
        assertThat(custom.equivalent('0', 'O')).isFalse();
    }
}
