package org.atalaya.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class HostileInputsTest {

    private static final List<String> CAMERAS = List.of("ceu-tarajal-in", "ceu-benzu-out");

    private static HostileRun.Ingress ingress(String name) {
        return HostileRun.INGRESSES.stream().filter(ingress -> ingress.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<HostileInputs.Input> inputs(HostileInputs.Format format, boolean mqtt) {
        HostileInputs inputs = new HostileInputs(20261121L, format, mqtt, CAMERAS, "http://127.0.0.1:1/canary",
                64 * 1024, "local-police", "secret");
        return IntStream.range(0, 1_000).mapToObj(inputs::input).toList();
    }

    @Test
    void anOnvifEventPostedOverRestNamesItsCameraInTheUrl() {
        HostileRun.Ingress rest = ingress("anpr-rest");
        List<HostileInputs.Input> onvif = inputs(HostileInputs.Format.PLATE_READ, false).stream()
                .filter(HostileRun::onvif).toList();

        assertThat(onvif).isNotEmpty().allSatisfy(input -> assertThat(HostileRun.path(rest, input))
                .isEqualTo("/api/v1/anpr/reads?camera=" + input.device()));
        assertThat(onvif).extracting(HostileInputs.Input::device).containsOnlyElementsOf(CAMERAS);
        assertThat(inputs(HostileInputs.Format.PLATE_READ, false).stream()
                .filter(input -> !HostileRun.onvif(input)))
                .allSatisfy(input -> assertThat(HostileRun.path(rest, input)).isEqualTo("/api/v1/anpr/reads"));
    }

    @Test
    void unknownElementsAreAVendorsExtensionInOnvifAndOutsideTheWsdlInSoap() {
        assertThat(inputs(HostileInputs.Format.PLATE_READ, true).stream()
                .filter(input -> input.kind().equals("unknown elements (ONVIF)")))
                .isNotEmpty().allMatch(HostileInputs.Input::valid);
        List<HostileInputs.Input> outsideTheWsdl = inputs(HostileInputs.Format.SOAP_CONSULTATION, false).stream()
                .filter(input -> input.kind().equals("unknown elements") || input.kind().equals("XInclude")).toList();
        assertThat(outsideTheWsdl).extracting(HostileInputs.Input::kind).contains("unknown elements", "XInclude");
        assertThat(outsideTheWsdl).noneMatch(HostileInputs.Input::valid);
        assertThat(inputs(HostileInputs.Format.SOAP_CONSULTATION, false).stream()
                .filter(input -> input.kind().equals("Camel headers, valid body")))
                .isNotEmpty().allMatch(HostileInputs.Input::valid);
    }
}
