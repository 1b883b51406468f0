package org.atalaya.store.internal;

import org.atalaya.store.jdbc.DatabaseTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.atalaya.api.anpr.Camera;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraSeedTest extends DatabaseTestSupport {

    @TempDir
    Path etc;

    private CameraStore cameras;
    private CameraSeed seed;

    @BeforeEach
    void openStore() {
        cameras = new CameraStore(database);
        seed = new CameraSeed(cameras);
    }

    @Test
    void fillsAnEmptyTableOnce() throws Exception {
        Path file = write("atalaya-cameras.csv", "id,name,latitude,longitude,heading,border_approach\n"
                + "ceu-tarajal-in,\"Frontera del Tarajal, entrada\",35.8717,-5.3430,20,true\n"
                + "ceu-port,Estación Marítima,35.8893,-5.3163,135,false\n");

        assertThat(seed.seed(file)).isEqualTo(2);
        assertThat(cameras.list()).extracting(Camera::id).containsExactly("ceu-port", "ceu-tarajal-in");

        cameras.remove("ceu-port");
        assertThat(seed.seed(file)).isZero();
        assertThat(cameras.list()).extracting(Camera::id).containsExactly("ceu-tarajal-in");
    }

    @Test
    void withoutAFileTheTableStaysEmpty() throws Exception {
        assertThat(seed.seed(etc.resolve("atalaya-cameras.csv"))).isZero();
        assertThat(seed.seed(null)).isZero();
        assertThat(cameras.isEmpty()).isTrue();
    }

    @Test
    void aBadFileFillsNothing() throws Exception {
        Path file = write("cameras.csv", "id,name,latitude,longitude,heading,border_approach\n"
                + "ceu-port,Estación Marítima,35.8893,-5.3163,135,false\n"
                + "ceu-benzu,Benzú,35.9150,-5.3772,400,true\n");

        assertThatThrownBy(() -> seed.seed(file)).hasMessageStartingWith("cameras.csv line 3: heading");
        assertThat(cameras.isEmpty()).isTrue();
    }

    @Test
    void theFileIsTheConfiguredOneOrTheOneInKarafsEtc() {
        assertThat(CameraSeed.file("/srv/atalaya/cameras.csv", "/opt/atalaya/etc"))
                .isEqualTo(Path.of("/srv/atalaya/cameras.csv"));
        assertThat(CameraSeed.file(" ", "/opt/atalaya/etc")).isEqualTo(Path.of("/opt/atalaya/etc/atalaya-cameras.csv"));
        assertThat(CameraSeed.file("", null)).isNull();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(etc.resolve(name), text, StandardCharsets.UTF_8);
    }
}
