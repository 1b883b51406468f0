package org.atalaya.simulators.anpr.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two formats the hub's ANPR connector accepts, as cameras send them: Atalaya's JSON and
 * the ONVIF Profile M licence plate event.
 */
enum ReadEncoding {

    /** One read as a JSON object. */
    ATALAYA_JSON {
        @Override
        byte[] encode(SimulatedRead read) {
            String json = "{\"id\":" + jsonString(read.id())
                    + ",\"cameraId\":" + jsonString(read.cameraId())
                    + ",\"capturedAt\":" + jsonString(read.capturedAt().toString())
                    + ",\"plate\":" + jsonString(read.plate())
                    + ",\"country\":" + jsonString(read.country())
                    + ",\"confidence\":" + confidence(read.confidence())
                    + ",\"direction\":" + jsonString(read.direction().name().toLowerCase(Locale.ROOT))
                    + "}";
            return json.getBytes(StandardCharsets.UTF_8);
        }
    },

    /**
     * The {@code tns1:RuleEngine/Recognition/LicensePlate} event in a WS-Notification message,
     * as a Profile M camera pushes it. It names no camera and no read id: the topic gives the
     * camera, and the hub derives the id from camera, time and plate.
     */
    ONVIF_PROFILE_M {
        @Override
        byte[] encode(SimulatedRead read) {
            String direction = read.direction().name().charAt(0)
                    + read.direction().name().substring(1).toLowerCase(Locale.ROOT);
            String xml = ONVIF_EVENT.formatted(read.capturedAt(), confidence(read.confidence()), xmlText(read.plate()),
                    xmlText(alpha3(read.country())), confidence(read.confidence()), direction);
            return xml.getBytes(StandardCharsets.UTF_8);
        }
    };

    /**
     * The ONVIF event, its slots in order: capture time, likelihood, plate, country (alpha-3),
     * likelihood, direction.
     */
    static final String ONVIF_EVENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <wsnt:NotificationMessage xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" \
            xmlns:tns1="http://www.onvif.org/ver10/topics" xmlns:tt="http://www.onvif.org/ver10/schema">
              <wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">\
            tns1:RuleEngine/Recognition/LicensePlate</wsnt:Topic>
              <wsnt:Message>
                <tt:Message UtcTime="%s" PropertyOperation="Changed">
                  <tt:Source>
                    <tt:SimpleItem Name="VideoSource" Value="VideoSource_1"/>
                    <tt:SimpleItem Name="Rule" Value="LPR"/>
                  </tt:Source>
                  <tt:Data>
                    <tt:ElementItem Name="LicensePlateInfo">
                      <tt:LicensePlateInfo>
                        <tt:PlateNumber Likelihood="%s">%s</tt:PlateNumber>
                        <tt:PlateType Likelihood="0.90">Normal</tt:PlateType>
                        <tt:CountryCode Likelihood="0.90">%s</tt:CountryCode>
                      </tt:LicensePlateInfo>
                    </tt:ElementItem>
                    <tt:SimpleItem Name="Likelihood" Value="%s"/>
                    <tt:SimpleItem Name="Direction" Value="%s"/>
                  </tt:Data>
                </tt:Message>
              </wsnt:Message>
            </wsnt:NotificationMessage>
            """;

    abstract byte[] encode(SimulatedRead read);

    /**
     * Which camera publishes which format: {@code onvifShare} of them, rounded, ONVIF. The order
     * is fixed by the camera ids, so a camera keeps its format while others come and go.
     */
    static Map<String, ReadEncoding> assign(List<String> cameraIds, double onvifShare) {
        List<String> order = new ArrayList<>(cameraIds);
        order.sort(Comparator.comparingInt((String id) -> id.hashCode() * 0x9E3779B1)
                .thenComparing(Comparator.naturalOrder()));
        long onvif = Math.round(order.size() * onvifShare);
        Map<String, ReadEncoding> encodings = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            encodings.put(order.get(i), i < onvif ? ONVIF_PROFILE_M : ATALAYA_JSON);
        }
        return encodings;
    }

    private static String confidence(double confidence) {
        return String.format(Locale.ROOT, "%.2f", confidence);
    }

    /** ONVIF cameras give the country in alpha-3, as the standard allows. */
    private static String alpha3(String country) {
        return new Locale("", country).getISO3Country();
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
