package org.atalaya.routes.anpr.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;
import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.event.RejectedEvent;
import org.atalaya.correlation.plate.PlateNormaliser;
import org.atalaya.runtime.EdgeValidation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns what a camera sent into {@link PlateRead}s, or rejects it with a reason. Two formats:
 * Atalaya's JSON (one read as an object, a batch as an array) and the ONVIF Profile M licence
 * plate event ({@code tns1:RuleEngine/Recognition/LicensePlate}, a {@code tt:Message} with its
 * {@code LicensePlateInfo}), alone or in a WS-Notification message. The XML parser refuses
 * DOCTYPEs, so no entity can be expanded or fetched.
 */
final class PlateReadParser {

    static final int MAX_BATCH = 500;
    static final int MIN_PLATE_LENGTH = 2;

    private static final String ONVIF_SCHEMA = "http://www.onvif.org/ver10/schema";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@#-]{0,127}");
    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final EdgeValidation edge;
    private final DocumentBuilderFactory xml;
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
        int first = 0;
        while (first < payload.length && Character.isWhitespace(payload[first])) {
            first++;
        }
        if (first < payload.length && payload[first] == '<') {
            return List.of(onvif(payload, topicCamera));
        }
        return json(payload, topicCamera);
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
        Document document;
        try {
            DocumentBuilder builder = xml.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // fail, don't print
            document = builder.parse(new ByteArrayInputStream(payload));
        } catch (SAXException e) {
            throw new RejectedEvent("not a well-formed ONVIF event: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new RejectedEvent("unreadable ONVIF event: " + e.getMessage());
        }
        Element message = first(document.getDocumentElement(), "Message");
        if (message == null) {
            throw new RejectedEvent("ONVIF event has no tt:Message");
        }
        Element plateInfo = first(message, "LicensePlateInfo");
        if (plateInfo == null) {
            throw new RejectedEvent("ONVIF event has no LicensePlateInfo: not a licence plate event");
        }
        Element plateNumber = first(plateInfo, "PlateNumber");
        if (plateNumber == null || plateNumber.getTextContent().isBlank()) {
            throw new RejectedEvent("ONVIF LicensePlateInfo has no PlateNumber");
        }
        Element countryCode = first(plateInfo, "CountryCode");
        String likelihood = simpleItem(message, "Likelihood");
        if (likelihood == null) {
            likelihood = plateNumber.getAttribute("Likelihood");
        }
        double confidence;
        try {
            confidence = Double.parseDouble(likelihood);
        } catch (NumberFormatException | NullPointerException e) {
            throw new RejectedEvent("ONVIF Likelihood '" + likelihood + "' is not a number");
        }
        String imageRef = simpleItem(message, "ImageURI");
        if (imageRef == null) {
            imageRef = simpleItem(message, "ImageUri");
        }
        String direction = simpleItem(message, "Direction");
        Instant capturedAt = edge.instant(message.getAttribute("UtcTime"), "UtcTime");
        String country = countryCode == null ? null : alpha2(countryCode.getTextContent().strip());
        String plateAsRead = plateNumber.getTextContent().strip();
        return read(null, topicCamera, topicCamera, capturedAt, plateAsRead, country, confidence,
                direction == null ? Direction.UNKNOWN : direction(direction, ""), imageRef, "");
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

    /** ONVIF allows alpha-3 country codes too. */
    private static String alpha2(String code) {
        if (code.length() != 3) {
            return code;
        }
        for (String country : Locale.getISOCountries()) {
            try {
                if (new Locale("", country).getISO3Country().equalsIgnoreCase(code)) {
                    return country;
                }
            } catch (MissingResourceException e) {
                // no alpha-3 code for this one
            }
        }
        return code;
    }

    private static Element first(Element scope, String localName) {
        NodeList nodes = scope.getElementsByTagNameNS(ONVIF_SCHEMA, localName);
        if (nodes.getLength() == 0 && localName.equals(scope.getLocalName())) {
            return scope;
        }
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String simpleItem(Element message, String name) {
        NodeList items = message.getElementsByTagNameNS(ONVIF_SCHEMA, "SimpleItem");
        for (int i = 0; i < items.getLength(); i++) {
            Node item = items.item(i);
            if (item instanceof Element element && name.equals(element.getAttribute("Name"))) {
                return element.getAttribute("Value");
            }
        }
        return null;
    }

    private static DocumentBuilderFactory secureXml() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the XML parser cannot be secured", e);
        }
        return factory;
    }
}
