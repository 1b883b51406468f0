package org.atalaya.routes.controlcentres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import java.util.function.LongConsumer;

import javax.jws.WebMethod;
import javax.jws.WebParam;

import org.atalaya.api.alert.AgencyAlert;
import org.atalaya.api.alert.AlertKind;
import org.atalaya.api.alert.AlertQuery;
import org.atalaya.api.alert.AlertRepository;
import org.atalaya.api.anpr.CharacterMatch;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.HotlistCategory;
import org.atalaya.api.anpr.HotlistEntry;
import org.atalaya.api.anpr.HotlistImport;
import org.atalaya.api.anpr.MatchKind;
import org.atalaya.api.anpr.PlateCheck;
import org.atalaya.api.security.Access;
import org.atalaya.api.security.Caller;
import org.atalaya.api.security.DataClass;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.soap.AccessDenied;
import org.junit.jupiter.api.Test;

class ConsultationServiceTest {

    private static final Instant LISTED = Instant.parse("2026-11-02T08:30:00Z");
    private static final HotlistEntry STOLEN = new HotlistEntry(7, "1234BCD", "ES", HotlistCategory.STOLEN_VEHICLE,
            90, "interior-ministry", "robbery, Avenida de España", "DGT-2026-118", LISTED, null);

    private final ListedPlates hotlist = new ListedPlates();
    private final ReceivedAlerts alerts = new ReceivedAlerts();
    private Consultation call = consultation("agent-0417", "local-police");
    private final ConsultationService service = new ConsultationService(hotlist, alerts,
            new Callers(List.of("local-police", "national-police")), () -> call);

    @Test
    void everyOperationIsDecidedByThePolicyWithThePurposeAndCaseOfItsRequest() {
        List<Method> operations = Arrays.stream(ConsultationService.class.getMethods())
                .filter(method -> method.isAnnotationPresent(WebMethod.class)).toList();

        assertThat(operations).extracting(method -> method.getAnnotation(WebMethod.class).operationName() + " "
                + method.getAnnotation(Consults.class).value() + " " + method.getAnnotation(Consults.class).access())
                .containsExactlyInAnyOrder("CheckPlate " + DataClass.HOTLIST + " " + Access.READ,
                        "FindAlerts " + DataClass.HITS + " " + Access.READ);
        assertThat(operations).allSatisfy(method -> {
            assertThat(Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                    .filter(WebParam.class::isInstance).map(param -> ((WebParam) param).name()))
                    .contains("purpose", "caseReference");
        });
    }

    @Test
    void aPlateCheckAnswersTheNormalisedPlateAndEachHitWithItsEntry() throws Exception {
        hotlist.answer = new PlateCheck("1234 bc0", "1234BC0", "ES", 1, "0ODQ,1IL",
                List.of(new PlateCheck.Hit(STOLEN, MatchKind.OCR_EQUIVALENT,
                        List.of(new CharacterMatch(6, '0', 'D')))));

        ConsultationMessages.PlateCheck check = service.checkPlate("1234 bc0", " ES ", "investigation", "DP-1");

        assertThat(hotlist.asked).containsExactly("1234 bc0", "ES");
        assertThat(check.plate()).isEqualTo("1234BC0");
        assertThat(check.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.kind()).isEqualTo("OCR_EQUIVALENT");
            assertThat(hit.entry().id()).isEqualTo(7);
            assertThat(hit.entry().category()).isEqualTo("STOLEN_VEHICLE");
            assertThat(hit.entry().validFrom().toXMLFormat()).isEqualTo("2026-11-02T08:30:00.000Z");
            assertThat(hit.differences()).singleElement().satisfies(difference -> {
                assertThat(difference.position()).isEqualTo(6);
                assertThat(difference.read()).isEqualTo("0");
                assertThat(difference.listed()).isEqualTo("D");
            });
        });
        assertThat(call.subjects()).containsExactly("1234BC0");
    }

    @Test
    void whatIsNotAPlateIsAnInvalidRequestThatDisclosesNothing() {
        hotlist.answer = new PlateCheck("#?", null, null, 0, "0ODQ", List.of());

        assertThatThrownBy(() -> service.checkPlate("#?", null, "investigation", "DP-1"))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("'#?' is not a licence plate");
        assertThatThrownBy(() -> service.checkPlate(null, null, "investigation", "DP-1"))
                .isInstanceOf(InvalidRequest.class)
                .satisfies(fault -> assertThat(((InvalidRequest) fault).getFaultInfo().getReason())
                        .contains("is not a licence plate"));
        assertThat(call.subjects()).isEmpty();
    }

    @Test
    void anAgencyFindsItsOwnAlertsWithTheFiltersItGives() throws Exception {
        alerts.page = List.of(alert(42, "hit-r-0001-7"), alert(41, "hit-r-0001-3"));

        ConsultationMessages.Alerts found = service.findAlerts(null, "1234-bcd", " ceu-tarajal-in ",
                Date.from(Instant.parse("2026-11-21T00:00:00Z")), null, 2, "prevention", null);

        assertThat(alerts.agency).isEqualTo("local-police");
        assertThat(alerts.query).isEqualTo(new AlertQuery(null, "1234BCD", "ceu-tarajal-in", 0,
                Instant.parse("2026-11-21T00:00:00Z"), null, null, 0, 2));
        assertThat(found.agency()).isEqualTo("local-police");
        assertThat(found.alerts()).extracting(ConsultationMessages.Alert::id)
                .containsExactly("hit-r-0001-7", "hit-r-0001-3");
        assertThat(found.alerts().get(0).raisedAt().toXMLFormat()).isEqualTo("2026-11-21T10:00:42.000Z");
        assertThat(found.alerts().get(0).json()).isEqualTo("{\"plate\":\"1234BCD\"}");
        assertThat(call.subjects()).containsExactly("hit-r-0001-7", "hit-r-0001-3");
    }

    @Test
    void anotherAgencysAlertsAreDenied() {
        assertThatThrownBy(() -> service.findAlerts("national-police", null, null, null, null, 50, "prevention",
                null)).isInstanceOf(AccessDenied.class)
                .hasMessage("This account acts for local-police, not for national-police.");
        assertThat(alerts.agency).isNull();
    }

    @Test
    void anAgencyWithoutAControlCentreHasNoAlertsToFind() {
        call = consultation("clerk-12", "justice");

        assertThatThrownBy(() -> service.findAlerts(null, null, null, null, null, 50, "judicial-proceedings", "C-9"))
                .isInstanceOf(NoControlCentre.class).hasMessageStartingWith("justice has no control centre");
    }

    @Test
    void theLimitIsFromOneTo500() {
        assertThatThrownBy(() -> service.findAlerts(null, null, null, null, null, 0, "prevention", null))
                .isInstanceOf(InvalidRequest.class).hasMessage("limit must be from 1 to 500");
        assertThatThrownBy(() -> service.findAlerts(null, null, null, null, null, 501, "prevention", null))
                .isInstanceOf(InvalidRequest.class);
        assertThat(alerts.agency).isNull();
    }

    @Test
    void aPlateFilterThatIsNotAPlateIsAnInvalidRequest() {
        assertThatThrownBy(() -> service.findAlerts(null, "#?", null, null, null, 50, "prevention", null))
                .isInstanceOf(InvalidRequest.class).hasMessage("'#?' is not a licence plate");
    }

    private static Consultation consultation(String person, String agency) {
        return new Consultation(new Caller(person, Set.of(agency), agency), "prevention", null,
                (consultation, action, subjects) -> {
                });
    }

    private static AgencyAlert alert(long sequence, String id) {
        return new AgencyAlert(sequence, "local-police", id, AlertKind.HIT, 90, "1234BCD", "ceu-tarajal-in",
                Instant.parse("2026-11-21T10:00:00Z").plusSeconds(sequence), "{\"plate\":\"1234BCD\"}", null, null);
    }

    /** A hotlist that answers one check. */
    private static final class ListedPlates implements Hotlist {
        private PlateCheck answer;
        private final List<String> asked = new ArrayList<>();

        @Override
        public PlateCheck check(String plate, String country) {
            asked.add(plate);
            asked.add(country);
            return answer;
        }

        @Override
        public HotlistEntry add(HotlistEntry entry) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<HotlistEntry> update(HotlistEntry entry) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<HotlistEntry> remove(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<HotlistEntry> find(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<HotlistEntry> list(String plate, long afterId, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size() {
            throw new UnsupportedOperationException();
        }

        @Override
        public HotlistImport importCsv(Reader csv, String defaultSource, LongConsumer progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String plateKey(String plate) {
            throw new UnsupportedOperationException();
        }
    }

    /** An agency's received alerts: one page, and what it was asked. */
    private static final class ReceivedAlerts implements AlertRepository {
        private List<AgencyAlert> page = List.of();
        private String agency;
        private AlertQuery query;

        @Override
        public List<AgencyAlert> list(String forAgency, AlertQuery asked) {
            this.agency = forAgency;
            this.query = asked;
            return page;
        }

        @Override
        public List<AgencyAlert> saveAll(String forAgency, List<AgencyAlert> received,
                Consumer<List<AgencyAlert>> alongside) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AgencyAlert> after(String forAgency, long sequence, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AgencyAlert> find(String forAgency, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AgencyAlert> acknowledge(String forAgency, String id, String by, Instant at) {
            throw new UnsupportedOperationException();
        }
    }
}
