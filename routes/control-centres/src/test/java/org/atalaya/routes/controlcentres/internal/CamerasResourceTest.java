package org.atalaya.routes.controlcentres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.atalaya.api.anpr.Camera;
import org.atalaya.security.rest.JsonBody;
import org.atalaya.security.rest.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the camera registry takes from a request body, and what it refuses before it is stored. */
class CamerasResourceTest {

    private final CamerasResource resource = new CamerasResource(null);

    @Test
    void takesACameraAsAnAdministratorSendsIt() {
        Camera camera = resource.camera("ceu-puerto-2", bytes("""
                {"name":"Puerto, Muelle de España","latitude":35.8895,"longitude":-5.3170,"heading":90,
                 "borderApproach":true}"""));

        assertThat(camera.heading()).isEqualTo(90);
        assertThat(camera.borderApproach()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a heading that is text, once taken as 0        | {"name":"Puerto","latitude":35.8,"longitude":-5.3,"heading":"east"}        | heading must be a number
            a border approach in an array, once taken as no | {"name":"Puerto","latitude":35.8,"longitude":-5.3,"borderApproach":[true]} | borderApproach must be true or false
            a NUL in the name                               | {"name":"Puerto\\u0000","latitude":35.8,"longitude":-5.3}                | name must not contain control characters
            """)
    void refusesWhatItWouldOtherwiseStoreAsSomethingElse(String what, String body, String problem) {
        assertRefused(bytes(body), problem);
    }

    @Test
    void refusesANameLongerThanItsColumnInsteadOfFailingToStoreIt() {
        assertRefused(bytes("{\"name\":\"" + "n".repeat(201) + "\",\"latitude\":35.8,\"longitude\":-5.3}"),
                "name is longer than 200 characters");
    }

    @Test
    void refusesAHugeBodyAndOneThatIsNotUtf8() {
        assertRefused(bytes("{\"name\":\"Puerto\",\"latitude\":35.8895,\"longitude\":-5.3170,\"notes\":\""
                + "n".repeat(JsonBody.MAX_BYTES) + "\"}"), "the body exceeds 65536 bytes");
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes(bytes("{\"name\":\"Puerto"));
        overlong.writeBytes(new byte[] {(byte) 0xC1, (byte) 0x81});
        overlong.writeBytes(bytes("\",\"latitude\":35.8895,\"longitude\":-5.3170}"));
        assertRefused(overlong.toByteArray(), "not UTF-8 at byte 15");
    }

    private void assertRefused(byte[] body, String problem) {
        assertThatThrownBy(() -> resource.camera("ceu-puerto-2", body)).isInstanceOfSatisfying(Problem.class,
                refused -> {
                    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
                    assertThat(refused.getMessage()).contains(problem);
                });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
