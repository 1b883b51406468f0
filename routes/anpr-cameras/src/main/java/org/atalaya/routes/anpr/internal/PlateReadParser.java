package org.atalaya.routes.anpr.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.correlation.plate.PlateNormaliser;
import org.atalaya.runtime.EdgeValidation;

/**
 * Turns what a camera sent into {@link PlateRead}s, or rejects it with a reason. Two formats:
 * Atalaya's JSON (one read as an object, a batch as an array) and the ONVIF Profile M licence
 * plate event ({@code tns1:RuleEngine/Recognition/LicensePlate}, a {@code tt:Message} with its
 * {@code LicensePlateInfo}), alone or in a WS-Notification message. The event is read in one
 * streaming pass that refuses a DOCTYPE, so no entity can be expanded or fetched, and nesting
 * deeper than {@value #MAX_XML_DEPTH} elements.
 */
final class PlateReadParser {

    static final int MAX_BATCH = 500;
    static final int MIN_PLATE_LENGTH = 2;
    /** A licence plate event is 7 elements deep; deeper nesting is only work for the parser. */
    static final int MAX_XML_DEPTH = 32;

    private static final String ONVIF_SCHEMA = "http://www.onvif.org/ver10/schema";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@#-]{0,127}");
    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** ONVIF allows alpha-3 country codes too: their alpha-2 codes, as the JDK knows them. */
    private static final Map<String, String> ALPHA2_BY_ALPHA3 = alpha2ByAlpha3();

    private final EdgeValidation edge;
    private final XMLInputFactory xml;
    private final Function<String, Optional<Camera>> cameras;

    PlateReadParser(int maxBytes, Duration maxClockSkew, Duration maxAge, Clock clock,
            Function<String, Optional<Camera>> cameras) {
        this.edge = new EdgeValidation(maxBytes, maxClockSkew, maxAge, clock);
        this.cameras = cameras;
        this.xml = secureXml();
    }

    /**
     * @param payload     the bytes as received
     * @param topicCamera the camera named by the MQTT topic, or {@code null} over REST
     */
    List<PlateRead> parse(byte[] payload, String topicCamera) {
        edge.checkSize(payload);
        if (isXml(payload)) {
            return List.of(onvif(payload, topicCamera));
        }
        return json(payload, topicCamera);
    }

    /** Whether the payload is XML (an ONVIF event) rather than JSON: its first non-blank byte is '<'. */
    static boolean isXml(byte[] payload) {
        int first = 0;
        while (first < payload.length && Character.isWhitespace(payload[first])) {
            first++;
        }
        return first < payload.length && payload[first] == '<';
    }

    /** Whether {@code id} is a camera id as the registry has them: 1-64 letters, digits, '-' or '_'. */
    static boolean isCameraId(String id) {
        return id != null && CAMERA_ID.matcher(id).matches();
    }

    private List<PlateRead> json(byte[] payload, String topicCamera) {
        JsonNode root = edge.readJson(payload, "JSON or XML");
        if (root != null && root.isObject()) {
            return List.of(jsonRead(root, topicCamera, ""));
        }
        if (root != null && root.isArray()) {
            if (root.isEmpty()) {
                throw new RejectedEvent("empty batch");
            }
            if (root.size() > MAX_BATCH) {
                throw new RejectedEvent("at most " + MAX_BATCH + " reads per batch");
            }
            List<PlateRead> reads = new ArrayList<>(root.size());
            for (int i = 0; i < root.size(); i++) {
                if (!root.get(i).isObject()) {
                    throw new RejectedEvent("[" + i + "] must be an object");
                }
                reads.add(jsonRead(root.get(i), topicCamera, "[" + i + "]."));
            }
            return reads;
        }
        throw new RejectedEvent("payload must be a JSON object, a JSON array or an ONVIF event");
    }

    private PlateRead jsonRead(JsonNode node, String topicCamera, String at) {
        String cameraId = node.hasNonNull("cameraId") ? text(node, "cameraId", at) : topicCamera;
        if (cameraId == null) {
            throw new RejectedEvent(at + "cameraId is missing");
        }
        Instant capturedAt = edge.instant(text(node, "capturedAt", at), at + "capturedAt");
        String plateAsRead = text(node, "plate", at);
        String country = node.hasNonNull("country") ? text(node, "country", at) : null;
        JsonNode confidence = node.get("confidence");
        if (confidence == null || !confidence.isNumber()) {
            throw new RejectedEvent(at + "confidence must be a number from 0 to 1");
        }
        Direction direction = node.hasNonNull("direction") ? direction(text(node, "direction", at), at)
                : Direction.UNKNOWN;
        String imageRef = node.hasNonNull("imageRef") ? text(node, "imageRef", at) : null;
        String id = node.hasNonNull("id") ? text(node, "id", at) : null;
        return read(id, cameraId, topicCamera, capturedAt, plateAsRead, country, confidence.doubleValue(), direction,
                imageRef, at);
    }

    private PlateRead onvif(byte[] payload, String topicCamera) {
        OnvifEvent event = readOnvif(payload);
        if (!event.messageFound) {
            throw new RejectedEvent("ONVIF event has no tt:Message");
        }
        if (!event.plateInfoFound) {
            throw new RejectedEvent("ONVIF event has no LicensePlateInfo: not a licence plate event");
        }
        if (event.plateNumber == null || event.plateNumber.toString().isBlank()) {
            throw new RejectedEvent("ONVIF LicensePlateInfo has no PlateNumber");
        }
        String likelihood = event.simpleItems.getOrDefault("Likelihood", event.plateLikelihood);
        double confidence;
        try {
            confidence = Double.parseDouble(likelihood);
        } catch (NumberFormatException e) {
            throw new RejectedEvent("ONVIF Likelihood '" + EdgeValidation.abbreviate(likelihood) + "' is not a number");
        }
        String imageRef = event.simpleItems.get("ImageURI");
        if (imageRef == null) {
            imageRef = event.simpleItems.get("ImageUri");
        }
        String direction = event.simpleItems.get("Direction");
        Instant capturedAt = edge.instant(event.utcTime, "UtcTime");
        String country = event.countryCode == null ? null : alpha2(event.countryCode.toString().strip());
        String plateAsRead = event.plateNumber.toString().strip();
        return read(null, topicCamera, topicCamera, capturedAt, plateAsRead, country, confidence,
                direction == null ? Direction.UNKNOWN : direction(direction, ""), imageRef, "");
    }

    /**
     * What the licence plate event says, in one pass over it. The whole document is read, so that
     * one cut short, malformed or nested too deep after the plate is refused too.
     */
    private OnvifEvent readOnvif(byte[] payload) {
        OnvifEvent event = new OnvifEvent();
        XMLStreamReader reader;
        try {
            // the factory is shared; making a reader is what StAX does not promise two threads at once
            synchronized (xml) {
                reader = xml.createXMLStreamReader(new ByteArrayInputStream(payload));
            }
        } catch (XMLStreamException e) {
            throw new RejectedEvent("not a well-formed ONVIF event: " + oneLine(e.getMessage()));
        }
        try {
            int depth = 0;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> throw new RejectedEvent(
                            "ONVIF event with a DOCTYPE: refused, so that no entity is expanded or fetched");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > MAX_XML_DEPTH) {
                            throw new RejectedEvent("ONVIF event nested deeper than " + MAX_XML_DEPTH + " elements");
                        }
                        event.start(reader, depth);
                    }
                    case XMLStreamConstants.END_ELEMENT -> event.end(depth--);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> event.text(reader);
                    default -> {
                        // comments, processing instructions, the document's start and end
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new RejectedEvent("not a well-formed ONVIF event: " + oneLine(e.getMessage()));
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing to release: the payload is in memory
            }
        }
        return event;
    }

    /**
     * The fields of a licence plate event, gathered as the parser passes them: the first
     * {@code tt:Message} (the document itself, or within a WS-Notification message), its first
     * {@code tt:LicensePlateInfo} with that one's first {@code tt:PlateNumber} and
     * {@code tt:CountryCode}, and the first {@code tt:SimpleItem} of each name in the message.
     */
    private static final class OnvifEvent {

        // the depth of the element being read, 0 outside it
        private int messageAt;
        private int plateInfoAt;
        private int plateNumberAt;
        private int countryCodeAt;
        private boolean messageFound;
        private boolean plateInfoFound;
        private String utcTime;
        private StringBuilder plateNumber;
        private String plateLikelihood = "";
        private StringBuilder countryCode;
        private final Map<String, String> simpleItems = new HashMap<>();

        void start(XMLStreamReader reader, int depth) {
            if (!ONVIF_SCHEMA.equals(reader.getNamespaceURI())) {
                return;
            }
            String name = reader.getLocalName();
            if (messageAt == 0) {
                if (!messageFound && name.equals("Message")) {
                    messageAt = depth;
                    messageFound = true;
                    utcTime = attribute(reader, "UtcTime");
                }
            } else if (name.equals("SimpleItem")) {
                simpleItems.putIfAbsent(attribute(reader, "Name"), attribute(reader, "Value"));
            } else if (plateInfoAt == 0) {
                if (!plateInfoFound && name.equals("LicensePlateInfo")) {
                    plateInfoAt = depth;
                    plateInfoFound = true;
                }
            } else if (plateNumber == null && name.equals("PlateNumber")) {
                plateNumberAt = depth;
                plateNumber = new StringBuilder();
                plateLikelihood = attribute(reader, "Likelihood");
            } else if (countryCode == null && name.equals("CountryCode")) {
                countryCodeAt = depth;
                countryCode = new StringBuilder();
            }
        }

        void text(XMLStreamReader reader) {
            if (plateNumberAt > 0) {
                plateNumber.append(reader.getText());
            } else if (countryCodeAt > 0) {
                countryCode.append(reader.getText());
            }
        }

        void end(int depth) {
            if (depth == plateNumberAt) {
                plateNumberAt = 0;
            } else if (depth == countryCodeAt) {
                countryCodeAt = 0;
            } else if (depth == plateInfoAt) {
                plateInfoAt = 0;
            } else if (depth == messageAt) {
                messageAt = 0;
            }
        }

        /** The attribute's value, or "" when the element has none, as DOM gives it. */
        private static String attribute(XMLStreamReader reader, String name) {
            String value = reader.getAttributeValue(null, name);
            return value == null ? "" : value;
        }
    }

    private PlateRead read(String id, String cameraId, String topicCamera, Instant capturedAt, String plateAsRead,
            String country, double confidence, Direction direction, String imageRef, String at) {
        if (cameraId == null || !CAMERA_ID.matcher(cameraId).matches()) {
            throw new RejectedEvent(at + "cameraId must be 1-64 letters, digits, '-' or '_'");
        }
        if (topicCamera != null && !topicCamera.equals(cameraId)) {
            throw new RejectedEvent(at + "cameraId '" + cameraId + "' does not match the topic's camera '"
                    + topicCamera + "'");
        }
        Camera camera = cameras.apply(cameraId)
                .orElseThrow(() -> new RejectedEvent(at + "camera '" + cameraId + "' is not registered"));
        String plate = PlateNormaliser.normalise(plateAsRead);
        if (plate == null) {
            throw new RejectedEvent(at + "plate '" + EdgeValidation.abbreviate(plateAsRead)
                    + "' is not 1-11 letters and digits (separators allowed)");
        }
        if (plate.length() < MIN_PLATE_LENGTH) {
            throw new RejectedEvent(at + "plate '" + plate + "' is shorter than " + MIN_PLATE_LENGTH + " characters");
        }
        String normalCountry = null;
        if (country != null) {
            normalCountry = PlateNormaliser.country(country);
            if (normalCountry == null) {
                throw new RejectedEvent(at + "country '" + EdgeValidation.abbreviate(country) + "' is not an ISO 3166 country code");
            }
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new RejectedEvent(at + "confidence " + confidence + " is not from 0 to 1");
        }
        if (imageRef != null && (imageRef.length() > 2048
                || imageRef.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)))) {
            throw new RejectedEvent(at + "imageRef must be a URI of at most 2048 characters, without spaces or "
                    + "control characters");
        }
        if (id == null) {
            // Deterministic, so a read the camera sends twice is still accepted once.
            id = cameraId + "@" + capturedAt.toEpochMilli() + "#" + plate;
        }
        if (!ID.matcher(id).matches()) {
            throw new RejectedEvent(at + "id must be 1-128 letters, digits or '.', ':', '@', '#', '-', '_'");
        }
        return new PlateRead(id, cameraId, capturedAt, plateAsRead, plate, normalCountry, confidence, direction,
                camera.position(), imageRef);
    }

    private static Direction direction(String text, String at) {
        try {
            return Direction.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RejectedEvent(at + "direction '" + EdgeValidation.abbreviate(text) + "' is not approaching, receding or unknown");
        }
    }

    private static String text(JsonNode node, String field, String at) {
        return EdgeValidation.text(node, field, at);
    }

    /** The alpha-2 code of an alpha-3 one; any other code as it is. */
    private static String alpha2(String code) {
        if (code.length() != 3) {
            return code;
        }
        return ALPHA2_BY_ALPHA3.getOrDefault(code.toUpperCase(Locale.ROOT), code);
    }

    private static Map<String, String> alpha2ByAlpha3() {
        Map<String, String> codes = new HashMap<>();
        for (String country : Locale.getISOCountries()) {
            try {
                codes.put(new Locale("", country).getISO3Country(), country);
            } catch (MissingResourceException e) {
                // no alpha-3 code for this one
            }
        }
        return Map.copyOf(codes);
    }

    /** A parser's message as one line: it gives the position on a line of its own. */
    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /**
     * The JDK's own StAX parser, not whichever the container offers: namespace aware, without DTDs
     * (a DOCTYPE is refused on sight), fetching no external entity, DTD or schema.
     */
    private static XMLInputFactory secureXml() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
