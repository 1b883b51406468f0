package org.atalaya.simulators.anpr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.atalaya.correlation.internal.OcrEquivalence;
import org.atalaya.correlation.internal.PlateCode;
import org.atalaya.correlation.plate.PlateNormaliser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OcrConfusionTest {

    private final OcrConfusion ocr = OcrConfusion.defaults();
    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void usesTheHubsDefaultClasses() {
        assertThat(OcrConfusion.DEFAULT_CLASSES).isEqualTo(OcrEquivalence.DEFAULT_CLASSES);
    }

    @Test
    void misreadsExactlyOneCharacterAsOneTheHubHoldsEquivalent() {
        PlateGenerator generator = new PlateGenerator(random);
        List<Plate> plates = new ArrayList<>(SampleHotlist.load().plates());
        for (int i = 0; i < 5_000; i++) {
            plates.add(generator.next(i % 2 == 0));
        }
        OcrEquivalence hub = OcrEquivalence.defaults();
        int misread = 0;
        for (Plate plate : plates) {
            Optional<String> confused = ocr.confuse(plate.asRead(), random);
            if (confused.isEmpty()) {
                continue;
            }
            misread++;
            String asRead = confused.get();
            assertThat(differences(plate.asRead(), asRead)).as(plate.asRead() + " -> " + asRead).isEqualTo(1);
            String listed = PlateNormaliser.normalise(plate.asRead());
            String read = PlateNormaliser.normalise(asRead);
            assertThat(read).hasSizeGreaterThanOrEqualTo(OcrConfusion.MIN_LENGTH).hasSameSizeAs(listed)
                    .isNotEqualTo(listed);
            assertThat(hub.canonical(PlateCode.of(read))).as(listed + " read as " + read)
                    .isEqualTo(hub.canonical(PlateCode.of(listed)));
        }
        assertThat(misread).isGreaterThan(plates.size() * 3 / 4);
    }

    @Test
    void aListedEightCanBeReadAsB() {
        OcrConfusion eights = new OcrConfusion("8B");
        assertThat(eights.confuse("8814 FGS", random)).get().isIn("B814 FGS", "8B14 FGS");
        assertThat(eights.confuse("8814 FGS", random)).get().isIn("B814 FGS", "8B14 FGS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "B8-1", "CE 12", "4739 KMN", "7349 HKM"})
    void leavesShortPlatesAndPlatesWithoutLookAlikesAsTheyAre(String plate) {
        assertThat(ocr.confuse(plate, random)).isEmpty();
    }

    @Test
    void refusesClassesThatOverlapOrHaveOneMember() {
        assertThatThrownBy(() -> new OcrConfusion("0O,O8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OcrConfusion("0O,8")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canonicalFormsAreEqualForLookAlikes() {
        assertThat(ocr.canonical("8814FGS")).isEqualTo(ocr.canonical("B8I4FG5")).isNotEqualTo(ocr.canonical("8814FGT"));
    }

    private static int differences(String a, String b) {
        assertThat(b).hasSameSizeAs(a);
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                differences++;
            }
        }
        return differences;
    }
}
