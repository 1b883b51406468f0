package org.atalaya.routes.controlcentres.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import org.atalaya.api.alert.AgencyAlert;
import org.atalaya.api.anpr.CharacterMatch;

/**
 * What the SOAP consultation service answers, as the schema of its WSDL
 * ({@value ConsultationService#NAMESPACE}) names it. Every type and element is named here, so
 * that the WSDL the agencies generate their clients from changes only when this file does.
 * Times are {@code xs:dateTime} in UTC. (Public, as JAXB and the classes CXF generates for the
 * operations' wrappers need them to be; the package is private to the bundle.)
 */
public final class ConsultationMessages {

    private static final DatatypeFactory TIMES = DatatypeFactory.newDefaultInstance();

    private ConsultationMessages() {
    }

    /** How a plate matches the hotlist: {@code GET /plates/{plate}/check} as SOAP. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "PlateCheck", namespace = ConsultationService.NAMESPACE,
            propOrder = {"query", "plate", "country", "maxEquivalent", "equivalences", "hits"})
    public static class PlateCheck {

        /** The plate as given. */
        @XmlElement(name = "query", required = true)
        private String query;

        /** The plate normalised, as it is compared. */
        @XmlElement(name = "plate", required = true)
        private String plate;

        /** The country it was checked for; none for any. */
        @XmlElement(name = "country")
        private String country;

        /** How many OCR-equivalent characters may differ for this plate. */
        @XmlElement(name = "maxEquivalent")
        private int maxEquivalent;

        /** The OCR equivalence classes in force, e.g. {@code 0ODQ,1IL}. */
        @XmlElement(name = "equivalences")
        private String equivalences;

        /** The entries it matches, highest priority first. */
        @XmlElement(name = "hit")
        private List<Hit> hits = new ArrayList<>();

        public PlateCheck() {
            // for JAXB
        }

        static PlateCheck of(org.atalaya.api.anpr.PlateCheck check) {
            PlateCheck message = new PlateCheck();
            message.query = check.query();
            message.plate = check.plate();
            message.country = check.country();
            message.maxEquivalent = check.maxEquivalent();
            message.equivalences = check.equivalences();
            check.hits().forEach(hit -> message.hits.add(Hit.of(hit)));
            return message;
        }

        String plate() {
            return plate;
        }

        List<Hit> hits() {
            return hits;
        }
    }

    /** One listed entry a plate matches. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Hit", namespace = ConsultationService.NAMESPACE, propOrder = {"entry", "kind", "differences"})
    public static class Hit {

        @XmlElement(name = "entry", required = true)
        private HotlistEntry entry;

        /** {@code EXACT} or {@code OCR_EQUIVALENT}. */
        @XmlElement(name = "kind", required = true)
        private String kind;

        /** Where the plate and the listed one differ by an OCR-equivalent character. */
        @XmlElement(name = "difference")
        private List<CharacterDifference> differences = new ArrayList<>();

        public Hit() {
            // for JAXB
        }

        static Hit of(org.atalaya.api.anpr.PlateCheck.Hit hit) {
            Hit message = new Hit();
            message.entry = HotlistEntry.of(hit.entry());
            message.kind = hit.kind().name();
            hit.differences().forEach(difference -> message.differences.add(CharacterDifference.of(difference)));
            return message;
        }

        HotlistEntry entry() {
            return entry;
        }

        String kind() {
            return kind;
        }

        List<CharacterDifference> differences() {
            return differences;
        }
    }

    /** A plate on the stolen and wanted vehicle list. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "HotlistEntry", namespace = ConsultationService.NAMESPACE, propOrder = {"id", "plate",
        "country", "category", "priority", "source", "reason", "reference", "validFrom", "validUntil"})
    public static class HotlistEntry {

        @XmlElement(name = "id")
        private long id;

        @XmlElement(name = "plate", required = true)
        private String plate;

        /** ISO 3166-1 alpha-2; none for any country. */
        @XmlElement(name = "country")
        private String country;

        /**
         * {@code STOLEN_VEHICLE}, {@code STOLEN_OR_INVALIDATED_PLATE}, {@code WANTED_PERSON_VEHICLE},
         * {@code CLONE_SUSPICION} or {@code OTHER}.
         */
        @XmlElement(name = "category", required = true)
        private String category;

        /** 0 (lowest) to 100. */
        @XmlElement(name = "priority")
        private int priority;

        @XmlElement(name = "source", required = true)
        private String source;

        @XmlElement(name = "reason")
        private String reason;

        @XmlElement(name = "reference")
        private String reference;

        @XmlElement(name = "validFrom", required = true)
        @XmlSchemaType(name = "dateTime")
        private XMLGregorianCalendar validFrom;

        /** Exclusive; none for no end. */
        @XmlElement(name = "validUntil")
        @XmlSchemaType(name = "dateTime")
        private XMLGregorianCalendar validUntil;

        public HotlistEntry() {
            // for JAXB
        }

        static HotlistEntry of(org.atalaya.api.anpr.HotlistEntry entry) {
            HotlistEntry message = new HotlistEntry();
            message.id = entry.id();
            message.plate = entry.plate();
            message.country = entry.country();
            message.category = entry.category().name();
            message.priority = entry.priority();
            message.source = entry.source();
            message.reason = entry.reason();
            message.reference = entry.reference();
            message.validFrom = time(entry.validFrom());
            message.validUntil = time(entry.validUntil());
            return message;
        }

        long id() {
            return id;
        }

        String category() {
            return category;
        }

        XMLGregorianCalendar validFrom() {
            return validFrom;
        }
    }

    /** A position where the plate and a listed one differ by an OCR-equivalent character. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CharacterMatch", namespace = ConsultationService.NAMESPACE,
            propOrder = {"position", "read", "listed"})
    public static class CharacterDifference {

        /** Zero-based, in the normalised plate. */
        @XmlElement(name = "position")
        private int position;

        @XmlElement(name = "read", required = true)
        private String read;

        @XmlElement(name = "listed", required = true)
        private String listed;

        public CharacterDifference() {
            // for JAXB
        }

        static CharacterDifference of(CharacterMatch match) {
            CharacterDifference message = new CharacterDifference();
            message.position = match.position();
            message.read = String.valueOf(match.read());
            message.listed = String.valueOf(match.listed());
            return message;
        }

        int position() {
            return position;
        }

        String read() {
            return read;
        }

        String listed() {
            return listed;
        }
    }

    /** An agency's alerts, newest first: {@code GET /alerts} as SOAP. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Alerts", namespace = ConsultationService.NAMESPACE, propOrder = {"agency", "alerts"})
    public static class Alerts {

        @XmlElement(name = "agency", required = true)
        private String agency;

        @XmlElement(name = "alert")
        private List<Alert> alerts = new ArrayList<>();

        public Alerts() {
            // for JAXB
        }

        static Alerts of(String agency, List<AgencyAlert> page) {
            Alerts message = new Alerts();
            message.agency = agency;
            page.forEach(alert -> message.alerts.add(Alert.of(alert)));
            return message;
        }

        String agency() {
            return agency;
        }

        List<Alert> alerts() {
            return alerts;
        }
    }

    /** An alert as the agency received it. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Alert", namespace = ConsultationService.NAMESPACE, propOrder = {"sequence", "id", "agency",
        "kind", "priority", "plate", "cameraId", "raisedAt", "acknowledgedAt", "acknowledgedBy", "json"})
    public static class Alert {

        /** The agency's own number for it, in arrival order. */
        @XmlElement(name = "sequence")
        private long sequence;

        @XmlElement(name = "id", required = true)
        private String id;

        @XmlElement(name = "agency", required = true)
        private String agency;

        /** {@code HIT}, {@code PAST_HIT} or {@code CLONE}. */
        @XmlElement(name = "kind", required = true)
        private String kind;

        @XmlElement(name = "priority")
        private int priority;

        @XmlElement(name = "plate")
        private String plate;

        @XmlElement(name = "cameraId")
        private String cameraId;

        @XmlElement(name = "raisedAt", required = true)
        @XmlSchemaType(name = "dateTime")
        private XMLGregorianCalendar raisedAt;

        @XmlElement(name = "acknowledgedAt")
        @XmlSchemaType(name = "dateTime")
        private XMLGregorianCalendar acknowledgedAt;

        @XmlElement(name = "acknowledgedBy")
        private String acknowledgedBy;

        /** The alert itself (the read, the listed entry, how it matched), as the REST API gives it. */
        @XmlElement(name = "json", required = true)
        private String json;

        public Alert() {
            // for JAXB
        }

        static Alert of(AgencyAlert alert) {
            Alert message = new Alert();
            message.sequence = alert.sequence();
            message.id = alert.id();
            message.agency = alert.agency();
            message.kind = alert.kind().name();
            message.priority = alert.priority();
            message.plate = alert.plate();
            message.cameraId = alert.cameraId();
            message.raisedAt = time(alert.raisedAt());
            message.acknowledgedAt = time(alert.acknowledgedAt());
            message.acknowledgedBy = alert.acknowledgedBy();
            message.json = alert.json();
            return message;
        }

        String id() {
            return id;
        }

        XMLGregorianCalendar raisedAt() {
            return raisedAt;
        }

        String json() {
            return json;
        }
    }

    /** Why a request was refused, in the detail of its fault. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Problem", namespace = ConsultationService.NAMESPACE, propOrder = {"reason"})
    public static class Problem {

        @XmlElement(name = "reason", required = true)
        private String reason;

        public Problem() {
            // for JAXB
        }

        Problem(String reason) {
            this.reason = reason;
        }

        public String getReason() {
            return reason;
        }
    }

    /** An instant as {@code xs:dateTime} in UTC, or {@code null}. */
    static XMLGregorianCalendar time(Instant instant) {
        return instant == null ? null
                : TIMES.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(ZoneOffset.UTC)));
    }
}
