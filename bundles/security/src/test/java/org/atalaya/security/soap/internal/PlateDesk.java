package org.atalaya.security.soap.internal;

import java.util.Date;
import java.util.List;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.ws.WebFault;

import org.atalaya.api.security.DataClass;
import org.atalaya.security.rest.Consultation;
import org.atalaya.security.rest.Consults;
import org.atalaya.security.soap.AccessDenied;

/** A small SOAP service of the kind connectors publish, to put the gate in front of. */
@WebService(serviceName = "PlateDesk", targetNamespace = PlateDesk.NAMESPACE)
public class PlateDesk {

    static final String NAMESPACE = "urn:atalaya:test:plate-desk";

    /** Refused by the service itself, with a reason the caller may read. */
    @WebFault(name = "InvalidRequest", targetNamespace = NAMESPACE)
    public static class InvalidRequest extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidRequest(String reason) {
            super(reason);
        }
    }

    @WebMethod(operationName = "CheckPlate")
    @WebResult(name = "answer")
    @Consults(DataClass.HOTLIST)
    public String checkPlate(@WebParam(name = "plate") String plate, @WebParam(name = "purpose") String purpose,
            @WebParam(name = "caseReference") String caseReference) throws InvalidRequest {
        if (plate == null || plate.isBlank()) {
            throw new InvalidRequest("A plate is required.");
        }
        if (plate.startsWith("NP")) {
            throw new AccessDenied("Plates of the national police's operations are theirs to consult.");
        }
        Consultation consultation = Consultation.current();
        consultation.subjects(List.of(plate));
        return plate + " is listed, told to " + consultation.agency();
    }

    /** Typed parameters, as the consultation's: a time and a number. */
    @WebMethod(operationName = "ListedSince")
    @WebResult(name = "answer")
    @Consults(DataClass.HOTLIST)
    public String listedSince(@WebParam(name = "since") Date since, @WebParam(name = "limit") int limit,
            @WebParam(name = "purpose") String purpose, @WebParam(name = "caseReference") String caseReference) {
        Consultation.current().subjects(List.of());
        return "at most " + limit + " plates listed since " + (since == null ? "ever" : since.toInstant());
    }

    /** Granted to no one: it names no data class. */
    @WebMethod(operationName = "CountPlates")
    @WebResult(name = "count")
    public int countPlates() {
        return 42;
    }

    @WebMethod(operationName = "ListCameras")
    @WebResult(name = "cameras")
    @Consults(DataClass.DEVICES)
    public String listCameras() {
        throw new IllegalStateException("connection to jdbc:postgresql://db.internal:5432/atalaya refused");
    }
}
