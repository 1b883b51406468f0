package org.atalaya.simulators.anpr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.atalaya.correlation.plate.PlateNormaliser;
import org.junit.jupiter.api.Test;

class PlateGeneratorTest {

    private static final int PLATES = 10_000;

    private final PlateGenerator plates = new PlateGenerator(new SplittableRandom(2026));

    @Test
    void spanishPlatesAreFourDigitsAndThreeConsonantsWithoutVowelsQOrÑ() {
        assertThat(many(plates::spanish)).allSatisfy(plate -> {
            assertThat(plate.asRead()).matches("[0-9]{4} [BCDFGHJKLMNPRSTVWXYZ]{3}")
                    .doesNotContainPattern("[AEIOUQÑ]");
            assertThat(plate.country()).isEqualTo("ES");
            assertThat(plate.normalised()).isEqualTo(PlateNormaliser.normalise(plate.asRead()));
        });
    }

    @Test
    void oldCeutaPlatesAreCeFourDigitsAndOneOrTwoLetters() {
        assertThat(many(plates::ceutaProvincial)).allSatisfy(plate -> {
            assertThat(plate.asRead()).matches("CE [0-9]{4} [A-Z]{1,2}").doesNotContainPattern("[QÑ]");
            assertThat(plate.country()).isEqualTo("ES");
            assertThat(plate.normalised()).isEqualTo(PlateNormaliser.normalise(plate.asRead()));
        }).anySatisfy(plate -> assertThat(plate.asRead()).matches(".* [A-Z]"))
                .anySatisfy(plate -> assertThat(plate.asRead()).matches(".* [A-Z]{2}"));
    }

    @Test
    void moroccanPlatesAreASerialALetterAndARegionInArabicOrLatinLetters() {
        assertThat(many(plates::moroccan)).allSatisfy(plate -> {
            assertThat(plate.asRead())
                    .matches("[1-9][0-9]{0,4}(-[ABDHWT]-| [\u0623\u0628\u062F\u0647\u0648\u0637] )[1-9][0-9]?");
            assertThat(plate.normalised()).matches("[1-9][0-9]{0,4}[ABDHWT][1-9][0-9]?")
                    .isEqualTo(PlateNormaliser.normalise(plate.asRead()));
            assertThat(Integer.parseInt(plate.normalised().replaceAll("^[0-9]+[A-Z]", ""))).isBetween(1, 89);
            assertThat(plate.country()).isEqualTo("MA");
        }).anySatisfy(plate -> assertThat(plate.asRead()).contains("-"))
                .anySatisfy(plate -> assertThat(plate.asRead()).containsPattern("[\u0600-\u06FF]"));
    }

    @Test
    void camerasOnTheBorderApproachesSeeMoreMoroccanPlates() {
        double atTheBorder = moroccanShare(true);
        double inTown = moroccanShare(false);
        assertThat(atTheBorder).isBetween(0.40, 0.50);
        assertThat(inTown).isBetween(0.07, 0.13);
        assertThat(many(() -> plates.next(false))).extracting(Plate::country).containsOnly("ES", "MA")
                .allSatisfy(country -> assertThat(PlateNormaliser.country(country)).isEqualTo(country));
        assertThat(many(() -> plates.next(false))).anySatisfy(plate -> assertThat(plate.asRead()).startsWith("CE "));
    }

    private double moroccanShare(boolean borderApproach) {
        return many(() -> plates.next(borderApproach)).stream().filter(plate -> plate.country().equals("MA")).count()
                / (double) PLATES;
    }

    private static List<Plate> many(Supplier<Plate> plate) {
        return Stream.generate(plate).limit(PLATES).toList();
    }
}
