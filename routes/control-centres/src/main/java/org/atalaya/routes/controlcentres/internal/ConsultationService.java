package org.atalaya.routes.controlcentres.internal;

import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.jws.soap.SOAPBinding;
import javax.xml.bind.annotation.XmlElement;

import org.atalaya.api.alert.AgencyAlert;
import org.atalaya.api.alert.AlertQuery;
import org.atalaya.api.alert.AlertRepository;
import org.atalaya.api.anpr.Hotlist;
import org.atalaya.api.anpr.PlateCheck;
import org.atalaya.api.security.DataClass;
import org.atalaya.correlation.plate.PlateNormaliser;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.soap.AccessDenied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consultation service for the agencies that integrate over SOAP (the interior ministry,
 * justice, the police): plate checks and an agency's alerts, as the REST endpoints give them.
 * Document/literal wrapped, code first; every operation carries its purpose and case reference
 * in the request, which the gate reads before the operation runs.
 */
@WebService(name = "Consultation", serviceName = "ConsultationService", portName = "ConsultationPort",
        targetNamespace = ConsultationService.NAMESPACE)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
        parameterStyle = SOAPBinding.ParameterStyle.WRAPPED)
public class ConsultationService {

    static final String NAMESPACE = "urn:atalaya:soap:consultation:v1";

    private static final Logger LOG = LoggerFactory.getLogger(ConsultationService.class);
    private static final int MAX_LIMIT = 500;

    private final Hotlist hotlist;
    private final AlertRepository alerts;
    private final Callers callers;
    private final Supplier<Consultation> consultation;

    /**
     * @param consultation the call being served: {@code Consultation::current} in the container
     */
    ConsultationService(Hotlist hotlist, AlertRepository alerts, Callers callers,
            Supplier<Consultation> consultation) {
        this.hotlist = hotlist;
        this.alerts = alerts;
        this.callers = callers;
        this.consultation = consultation;
    }

    /** How a plate, as a camera might read it, matches the hotlist now. */
    @WebMethod(operationName = "CheckPlate")
    @WebResult(name = "check")
    @Consults(DataClass.HOTLIST)
    public ConsultationMessages.PlateCheck checkPlate(
            @WebParam(name = "plate") @XmlElement(required = true) String plate,
            @WebParam(name = "country") String country,
            @WebParam(name = "purpose") String purpose,
            @WebParam(name = "caseReference") String caseReference) throws InvalidRequest {
        PlateCheck check = plate == null ? null : hotlist.check(plate, blankToNull(country));
        if (check == null || check.plate() == null) {
            throw new InvalidRequest("'" + (plate == null ? "" : plate)
                    + "' is not a licence plate: letters and digits, at most 11");
        }
        Consultation caller = consultation.get();
        caller.subjects(List.of(check.plate()));
        LOG.info("Plate checked over SOAP by {}: {} hit(s)", caller.person(), check.hits().size());
        return ConsultationMessages.PlateCheck.of(check);
    }

    /**
     * The caller's agency's alerts, newest first, at most {@code limit} (1 to 500): only those of
     * a plate, a camera, or raised from {@code since} until {@code until}, when given
     * ({@code xs:dateTime}: JAXB reads a time without a zone in the hub's, so callers give one).
     */
    @WebMethod(operationName = "FindAlerts")
    @WebResult(name = "alerts")
    @Consults(DataClass.HITS)
    public ConsultationMessages.Alerts findAlerts(
            @WebParam(name = "agency") String agency,
            @WebParam(name = "plate") String plate,
            @WebParam(name = "camera") String camera,
            @WebParam(name = "since") Date since,
            @WebParam(name = "until") Date until,
            @WebParam(name = "limit") int limit,
            @WebParam(name = "purpose") String purpose,
            @WebParam(name = "caseReference") String caseReference) throws InvalidRequest, NoControlCentre {
        Consultation caller = consultation.get();
        String forAgency = callers.agency(caller, agency, AccessDenied::new, NoControlCentre::new);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequest("limit must be from 1 to " + MAX_LIMIT);
        }
        AlertQuery query = new AlertQuery(null, plate(plate), blankToNull(camera), 0,
                since == null ? null : since.toInstant(), until == null ? null : until.toInstant(), null, 0, limit);
        List<AgencyAlert> page = alerts.list(forAgency, query);
        LOG.info("Alerts of {} consulted over SOAP by {} ({} returned)", forAgency, caller.person(), page.size());
        caller.subjects(page.stream().map(AgencyAlert::id).toList());
        return ConsultationMessages.Alerts.of(forAgency, page);
    }

    private static String plate(String text) throws InvalidRequest {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plate = PlateNormaliser.normalise(text);
        if (plate == null) {
            throw new InvalidRequest("'" + text + "' is not a licence plate");
        }
        return plate;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
