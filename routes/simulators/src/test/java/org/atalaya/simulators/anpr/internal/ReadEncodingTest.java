package org.atalaya.simulators.anpr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ReadEncodingTest {

    private final List<String> cameras = IntStream.range(0, 20).mapToObj(i -> "camera-" + i).toList();

    @Test
    void aShareOfTheCamerasPublishesOnvifTheSameOnesEveryTime() {
        Map<String, ReadEncoding> encodings = ReadEncoding.assign(cameras, 0.25);
        assertThat(encodings).hasSize(20);
        assertThat(encodings.values()).filteredOn(ReadEncoding.ONVIF_PROFILE_M::equals).hasSize(5);

        List<String> shuffled = new ArrayList<>(cameras);
        Collections.reverse(shuffled);
        assertThat(ReadEncoding.assign(shuffled, 0.25)).isEqualTo(encodings);
    }

    @Test
    void noneOrAllPublishOnvifAtTheEnds() {
        assertThat(ReadEncoding.assign(cameras, 0).values()).containsOnly(ReadEncoding.ATALAYA_JSON);
        assertThat(ReadEncoding.assign(cameras, 1).values()).containsOnly(ReadEncoding.ONVIF_PROFILE_M);
        assertThat(ReadEncoding.assign(List.of(), 0.25)).isEmpty();
    }
}
