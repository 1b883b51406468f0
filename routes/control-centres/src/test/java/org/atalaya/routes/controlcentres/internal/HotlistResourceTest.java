package org.atalaya.routes.controlcentres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.security.rest.JsonBody;
import org.atalaya.security.rest.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the hotlist endpoints take from a request body, and what they refuse before it is stored. */
class HotlistResourceTest {

    private static final String ENTRY = """
            {"plate":"1234 BCD","country":"ES","category":"STOLEN_VEHICLE","priority":90,
             "reason":"robbery","reference":"DGT-2026-118"%s}""";

    private final HotlistResource resource = new HotlistResource(null);

    @Test
    void takesAnEntryAsAControlCentreSendsIt() {
        HotlistEntry entry = resource.entry(0, bytes(ENTRY.formatted("")), "local-police");

        assertThat(entry.country()).isEqualTo("ES");
        assertThat(entry.source()).isEqualTo("local-police");
        assertThat(entry.reference()).isEqualTo("DGT-2026-118");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a country in an array, once taken as any country | {"plate":"1234BCD","category":"OTHER","priority":9,"country":["ES"]}   | country must be a string
            a reference that is a number                     | {"plate":"1234BCD","category":"OTHER","priority":9,"reference":42}     | reference must be a string
            a source that is an object                       | {"plate":"1234BCD","category":"OTHER","priority":9,"source":{"a":1}}   | source must be a string
            a priority with a fraction, once rounded down    | {"plate":"1234BCD","category":"OTHER","priority":9.5}                  | priority must be a whole number
            a NUL in the reason                              | {"plate":"1234BCD","category":"OTHER","priority":9,"reason":"a\\u0000"} | reason must not contain control characters
            """)
    void refusesFieldsOfTheWrongType(String what, String body, String problem) {
        assertRefused(bytes(body), problem);
    }

    @Test
    void refusesTextLongerThanItsColumnInsteadOfFailingToStoreIt() {
        assertRefused(bytes(ENTRY.formatted(",\"source\":\"" + "s".repeat(65) + "\"")), "source is longer than 64");
        assertRefused(bytes(ENTRY.formatted("").replace("robbery", "r".repeat(401))), "reason is longer than 400");
        assertRefused(bytes(ENTRY.formatted("").replace("DGT-2026-118", "d".repeat(129))),
                "reference is longer than 128");
    }

    @Test
    void refusesAHugeBodyAndOneThatIsNotUtf8() {
        assertRefused(bytes(ENTRY.formatted(",\"notes\":\"" + "n".repeat(JsonBody.MAX_BYTES) + "\"")),
                "the body exceeds 65536 bytes");
        String entry = ENTRY.formatted("");
        int at = entry.indexOf("robbery");
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes(bytes(entry.substring(0, at)));
        overlong.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
        overlong.writeBytes(bytes(entry.substring(at)));
        assertRefused(overlong.toByteArray(), "not UTF-8 at byte " + at);
    }

    private void assertRefused(byte[] body, String problem) {
        assertThatThrownBy(() -> resource.entry(0, body, "local-police")).isInstanceOfSatisfying(Problem.class,
                refused -> {
                    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
                    assertThat(refused.getMessage()).contains(problem);
                });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
