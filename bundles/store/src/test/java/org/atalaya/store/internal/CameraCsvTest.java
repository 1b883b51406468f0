package org.atalaya.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class CameraCsvTest {

    private static final String HEADER = "id,name,latitude,longitude,heading,border_approach\n";

    @Test
    void readsCamerasSkippingCommentsAndBlankLines() throws IOException {
        List<Camera> cameras = read("\uFEFF# Ceuta\n" + HEADER
                + "ceu-tarajal-in,\"Frontera del Tarajal, entrada\",35.8717,-5.3430,20,true\n"
                + "\n"
                + "  # the port\n"
                + " ceu-port , Estación Marítima , 35.8893 , -5.3163 , 135 , FALSE \n");

        assertThat(cameras).containsExactly(
                new Camera("ceu-tarajal-in", "Frontera del Tarajal, entrada", new GeoPoint(35.8717, -5.3430), 20, true),
                new Camera("ceu-port", "Estación Marítima", new GeoPoint(35.8893, -5.3163), 135, false));
    }

    @Test
    void readsTheColumnsInTheHeadersOrder() throws IOException {
        assertThat(read("name,id,border_approach,heading,longitude,latitude\n"
                + "\"Benzú, \"\"frontera\"\"\",ceu-benzu,true,90,-5.3772,35.9150\n"))
                .containsExactly(new Camera("ceu-benzu", "Benzú, \"frontera\"", new GeoPoint(35.9150, -5.3772), 90,
                        true));
    }

    @Test
    void anEmptyFileWithAHeaderHasNoCameras() throws IOException {
        assertThat(read(HEADER)).isEmpty();
    }

    @Test
    void errorsNameTheLine() {
        assertError(HEADER + "a,A,35.9,-5.3,0,true\nb,B,north,-5.3,0,true\n",
                "cameras.csv line 3: latitude is not a number: 'north'");
        assertError("# comment\n\n" + HEADER + "a,A,35.9,-5.3,0\n", "cameras.csv line 4: 5 fields, the header has 6");
        assertError(HEADER + "a,A,35.9,-5.3,360,true\n", "cameras.csv line 2: heading must be in [0, 360): 360.0");
        assertError(HEADER + "a,A,95,-5.3,0,true\n", "cameras.csv line 2: not a WGS 84 position: 95.0, -5.3");
        assertError(HEADER + "a,A,35.9,-5.3,0,yes\n", "cameras.csv line 2: border_approach must be true or false: 'yes'");
        assertError(HEADER + "a,A,35.9,-5.3,0,true\nb,B,35.9,-5.3,0,true\na,C,35.9,-5.3,0,true\n",
                "cameras.csv line 4: camera a is already on line 2");
        assertError(HEADER + ",A,35.9,-5.3,0,true\n", "cameras.csv line 2: id is empty");
        assertError(HEADER + "a,\"A,35.9,-5.3,0,true\n", "cameras.csv line 2: a quoted field is not closed");
        assertError(HEADER + "a,\"A\" B,35.9,-5.3,0,true\n", "cameras.csv line 2: text after a quoted field: 'B,35.9,-5.3,0,true'");
    }

    @Test
    void aBadHeaderIsAnError() {
        assertError("id,name,latitude,longitude,heading\n", "cameras.csv line 1: missing column border_approach in the header");
        assertError("id,name,lat,longitude,heading,border_approach\n",
                "cameras.csv line 1: unknown column 'lat', expected id,name,latitude,longitude,heading,border_approach");
        assertError("# only a comment\n", "cameras.csv has no header line: id,name,latitude,longitude,heading,border_approach");
    }

    @Test
    void theShippedCameraFileIsValid() throws IOException {
        Path shipped = Path.of("../../karaf-assembly/src/main/resources/assembly/etc/atalaya-cameras.csv");
        try (Reader csv = Files.newBufferedReader(shipped, StandardCharsets.UTF_8)) {
            List<Camera> cameras = CameraCsv.read(csv, shipped.getFileName().toString());

            assertThat(cameras).hasSizeGreaterThanOrEqualTo(12).allSatisfy(camera -> {
                assertThat(camera.id()).startsWith("ceu-");
                // Ceuta, land and port
                assertThat(camera.position().latitude()).isBetween(35.86, 35.92);
                assertThat(camera.position().longitude()).isBetween(-5.39, -5.27);
            });
            assertThat(cameras).extracting(Camera::id).contains("ceu-tarajal-in", "ceu-tarajal-out");
        }
    }

    private static List<Camera> read(String csv) throws IOException {
        return CameraCsv.read(new StringReader(csv), "cameras.csv");
    }

    private static void assertError(String csv, String message) {
        assertThatThrownBy(() -> read(csv)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
