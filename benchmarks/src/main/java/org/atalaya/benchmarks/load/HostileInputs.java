package org.atalaya.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Malformed and hostile inputs for one of the hub's ingresses, made from a seed: input
 * {@code n} of a seed is always the same kind, built the same way (only its times are taken at
 * the moment it is made, so that what should pass is fresh). Each starts from a payload the
 * ingress accepts and breaks it one way: truncated, wrongly typed, missing or unknown fields,
 * huge, deeply nested, invalid or overlong UTF-8, NUL bytes, absurd numbers, a device posing as
 * another, headers named like Camel's in any letter case; the XML ingresses get entity attacks
 * and DOCTYPEs as well ({@link HostileXml}). An input says whether the hub may accept it: only
 * those that are valid as they stand (unknown fields, headers that must have no effect) may.
 */
final class HostileInputs {

    /** Who sends an input: the ingress's account, nobody, or someone with a wrong password. */
    enum Caller { ACCOUNT, ANONYMOUS, WRONG_PASSWORD }

    /**
     * One input.
     *
     * @param headers HTTP headers, or MQTT 5 user properties
     * @param valid   whether the hub may accept it (it is valid as it stands)
     * @param device  the device it is published as (the MQTT topic's), the id in the REST path, or
     *                the camera an ONVIF event is posted for ({@code ?camera=})
     */
    record Input(int n, String kind, byte[] body, List<Map.Entry<String, String>> headers, boolean valid,
            Caller caller, String device) {
    }

    /** What an ingress takes. */
    enum Format {
        PLATE_READ, FACE_MATCH, SENSOR_READING, HOTLIST_ENTRY, CAMERA, AUTHORISATION, SOAP_CONSULTATION, HOTLIST_CSV
    }

    /** Where a sent message would land if a header steered it. */
    static final String SINK = "hostile.sink";

    /** Byte sequences that are not UTF-8: stray continuation bytes, cut sequences, surrogates, beyond U+10FFFF. */
    static final int[][] INVALID_UTF8 = {{0xC3, 0x28}, {0xA0, 0xA1}, {0xE2, 0x28, 0xA1}, {0xE2, 0x82, 0x28},
        {0xF0, 0x28, 0x8C, 0xBC}, {0xF8, 0xA1, 0xA1, 0xA1, 0xA1}, {0xFC, 0xA1, 0xA1, 0xA1, 0xA1, 0xA1}, {0xFE},
        {0xFF}, {0x80}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xC3}};

    /** Overlong encodings of '/', NUL, 'A' and U+FFFF: each a character written in more bytes than UTF-8 allows. */
    static final int[][] OVERLONG = {{0xC0, 0xAF}, {0xE0, 0x80, 0xAF}, {0xF0, 0x80, 0x80, 0xAF}, {0xC1, 0xBF},
        {0xC0, 0x80}, {0xE0, 0x9F, 0xBF}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xC1, 0x81}, {0xE0, 0x81, 0x81}};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARK = "@@hostile@@";

    private enum Type { STRING, NUMBER, ARRAY, BOOLEAN }

    /** A field of a payload, by its path ({@code measurements/0/value}). */
    private record Field(String path, Type type, boolean required, boolean device) {
    }

    /** One way to break a payload, and how often it is drawn. */
    private record Kind(String name, int weight, BiFunction<Random, Integer, Input> build) {
    }

    private final long seed;
    private final Format format;
    private final boolean mqtt;
    private final List<String> devices;
    private final int hugeBytes;
    private final HostileXml xml;
    private final List<Kind> kinds = new ArrayList<>();
    private final List<Map.Entry<String, String>> camelHeaders;
    private int totalWeight;

    /**
     * @param mqtt      whether the ingress is an MQTT topic (the device is the topic's) or HTTP
     * @param devices   devices the hub knows, to publish as or to name: at least two
     * @param canary    a URL on the harness that counts what fetches it, for entities and headers
     * @param hugeBytes the largest huge payload
     * @param soapUser  the SOAP caller and password (SOAP only)
     */
    HostileInputs(long seed, Format format, boolean mqtt, List<String> devices, String canary, int hugeBytes,
            String soapUser, String soapPassword) {
        this.seed = seed;
        this.format = format;
        this.mqtt = mqtt;
        this.devices = List.copyOf(devices);
        this.hugeBytes = hugeBytes;
        this.xml = new HostileXml(canary, hugeBytes, soapUser, soapPassword);
        this.camelHeaders = List.of(Map.entry("CamelJmsDestinationName", SINK),
                Map.entry("camelJmsDestinationName", SINK), Map.entry("CAMELJMSDESTINATIONNAME", SINK),
                Map.entry("CaMeLjMsDeStInAtIoNnAmE", SINK), Map.entry("CamelToEndpoint", "jms:queue:" + SINK),
                Map.entry("CamelFileName", "../../../etc/hostile"), Map.entry("camelHttpUri", canary + "/camel-http"),
                Map.entry("CamelHttpMethod", "DELETE"), Map.entry("CAMELJMSREQUESTTIMEOUT", "1"),
                Map.entry("CamelJmsMessageType", "Text"), Map.entry("camelOverruleFileName", "hostile"),
                Map.entry("JMSDestination", "queue://" + SINK), Map.entry("_AMQ_DUPL_ID", "hostile-duplicate"),
                Map.entry("AtalayaFailureReason", "forged"), Map.entry("AtalayaAgencies", "local-police"));
        switch (format) {
            case SOAP_CONSULTATION -> soapKinds();
            case HOTLIST_CSV -> csvKinds();
            default -> jsonKinds();
        }
        if (format == Format.PLATE_READ) {
            onvifKinds();
        }
        totalWeight = kinds.stream().mapToInt(Kind::weight).sum();
    }

    /** Input {@code n}. */
    Input input(int n) {
        Random random = new Random(seed * 1_000_003L + format.ordinal() * 7_919L + (mqtt ? 104_729L : 0) + n * 31L);
        random.nextLong();
        int pick = random.nextInt(totalWeight);
        for (Kind kind : kinds) {
            pick -= kind.weight();
            if (pick < 0) {
                return kind.build().apply(random, n);
            }
        }
        throw new IllegalStateException("no kind drawn");
    }

    /**
     * What a stored record of input {@code n} would be found by, had the hub taken it: its id,
     * its plate (JSON or ONVIF), its image reference. No two ingresses share one.
     */
    List<String> storedKeys(int n) {
        return List.of(id(n), plate(n), xml.onvifPlate(n, mqtt), imageRef(n));
    }

    private String id(int n) {
        return "hx-" + seed + (mqtt ? "-m-" : "-h-") + n;
    }

    private String plate(int n) {
        return Workload.unlistedPlate(7_000_000L + (mqtt ? 0 : 500_000) + n);
    }

    private String imageRef(int n) {
        return "https://cameras.example/hostile/" + (mqtt ? "m-" : "h-") + n + ".jpg";
    }

    /** The kinds this ingress gets, with their weights out of the total. */
    String kindsDrawn() {
        return kinds.stream().map(kind -> kind.name() + " " + kind.weight()).reduce((a, b) -> a + ", " + b)
                .orElse("") + " (of " + totalWeight + ")";
    }


    private void jsonKinds() {
        kind("truncated JSON", 6, (r, n) -> {
            byte[] whole = json(valid(n));
            return hostile(n, "truncated JSON", Arrays.copyOf(whole, 1 + r.nextInt(whole.length - 1)));
        });
        kind("wrongly typed field", 8, (r, n) -> {
            ObjectNode body = valid(n);
            Field field = pick(r, fields(), f -> true);
            set(body, field.path(), wrongValue(r, field));
            return hostile(n, "wrongly typed field", json(body));
        });
        kind("missing field", 5, (r, n) -> {
            ObjectNode body = valid(n);
            remove(body, pick(r, fields(), Field::required).path());
            return hostile(n, "missing field", json(body));
        });
        kind("unknown fields", 4, (r, n) -> {
            ObjectNode body = valid(n);
            body.putObject("vendorExtension").put("firmware", "9.1.2").putArray("tags").add("a").add("b");
            body.put("__proto__", "polluted");
            body.put("CamelJmsDestinationName", SINK);
            return new Input(n, "unknown fields", json(body), List.of(), true, HostileInputs.Caller.ACCOUNT, device(n));
        });
        kind("duplicate key, wrong value last", 3, (r, n) -> {
            Field field = pick(r, fields(), f -> !f.path().contains("/"));
            String text = new String(json(valid(n)), StandardCharsets.UTF_8);
            String duplicate = ",\"" + field.path() + "\":" + wrongValue(r, field).toString() + "}";
            return hostile(n, "duplicate key, wrong value last",
                    (text.substring(0, text.length() - 1) + duplicate).getBytes(StandardCharsets.UTF_8));
        });
        kind("huge payload", 1, (r, n) -> hostile(n, "huge payload", hugeJson(r, n)));
        kind("huge string field", 1, (r, n) -> {
            ObjectNode body = valid(n);
            String path = r.nextBoolean() ? pick(r, fields(), f -> f.type() == Type.STRING).path() : "notes";
            set(body, path, TextNode.valueOf(letters(r, hugeBytes / 2 + r.nextInt(hugeBytes / 2))));
            return hostile(n, "huge string field", json(body));
        });
        kind("deep nesting", 3, (r, n) -> hostile(n, "deep nesting", deepJson(r, n)));
        kind("invalid UTF-8", 6, (r, n) -> hostile(n, "invalid UTF-8", spliced(r, n, INVALID_UTF8)));
        kind("overlong UTF-8", 5, (r, n) -> hostile(n, "overlong UTF-8", spliced(r, n, OVERLONG)));
        kind("NUL byte", 4, (r, n) -> {
            byte[] body = json(valid(n));
            if (r.nextBoolean()) {
                return hostile(n, "NUL byte", spliced(r, n, new int[][] {{0x00}}));
            }
            int comma = new String(body, StandardCharsets.ISO_8859_1).indexOf(',');
            return hostile(n, "NUL byte", splice(body, comma + 1, new byte[] {0}));
        });
        kind("escaped NUL in a string", 3, (r, n) -> {
            ObjectNode body = valid(n);
            Field field = pick(r, fields(), f -> f.type() == Type.STRING);
            String value = textAt(body, field.path());
            int at = r.nextInt(value.length() + 1);
            set(body, field.path(), TextNode.valueOf(value.substring(0, at) + '\0' + value.substring(at)));
            return hostile(n, "escaped NUL in a string", json(body));
        });
        if (fields().stream().anyMatch(f -> f.type() == Type.NUMBER)) {
            kind("absurd number", 3, (r, n) -> {
                ObjectNode body = valid(n);
                Field field = pick(r, fields(), f -> f.type() == Type.NUMBER);
                set(body, field.path(), TextNode.valueOf(MARK));
                String[] numbers = {"1e400", "-1e400", "1" + "0".repeat(400), "0." + "0".repeat(5000) + "1", "NaN",
                    "Infinity", "-Infinity", "0x10", "00.9", ".5", "-", "1.0e+", "9".repeat(40)};
                return hostile(n, "absurd number", replace(json(body), "\"" + MARK + "\"",
                        numbers[r.nextInt(numbers.length)]));
            });
        }
        kind("wrong root", 3, (r, n) -> {
            String[] roots = {"\"a string\"", "42", "true", "null", "[]", "[1,2,3]", "{}", "[{}]", "[[]]",
                "\"" + new String(json(valid(n)), StandardCharsets.UTF_8).replace("\"", "\\\"") + "\""};
            return hostile(n, "wrong root", roots[r.nextInt(roots.length)].getBytes(StandardCharsets.UTF_8));
        });
        kind("binary garbage", 2, (r, n) -> hostile(n, "binary garbage", garbage(r)));
        kind("empty body", 1, (r, n) -> hostile(n, "empty body", new byte[0]));
        kind("Camel headers, valid body", 4, (r, n) -> new Input(n, "Camel headers, valid body", json(valid(n)),
                camelHeaders(r), true, Caller.ACCOUNT, device(n)));
        kind("Camel headers, invalid body", 4, (r, n) -> {
            byte[] whole = json(valid(n));
            return new Input(n, "Camel headers, invalid body", Arrays.copyOf(whole, whole.length / 2),
                    camelHeaders(r), false, Caller.ACCOUNT, device(n));
        });
        if (mqtt && fields().stream().anyMatch(Field::device)) {
            kind("another device's id", 3, (r, n) -> {
                ObjectNode body = valid(n);
                set(body, pick(r, fields(), Field::device).path(), TextNode.valueOf(otherDevice(n)));
                return hostile(n, "another device's id", json(body));
            });
        }
        if (!mqtt) {
            kind("no credentials", 1, (r, n) -> new Input(n, "no credentials", json(valid(n)), List.of(), false,
                    Caller.ANONYMOUS, device(n)));
            kind("wrong password", 1, (r, n) -> new Input(n, "wrong password", json(valid(n)), List.of(), false,
                    Caller.WRONG_PASSWORD, device(n)));
        }
    }

    private List<Field> fields() {
        boolean deviceRequired = !mqtt;
        return switch (format) {
            case PLATE_READ -> List.of(new Field("id", Type.STRING, false, false),
                    new Field("cameraId", Type.STRING, deviceRequired, true),
                    new Field("capturedAt", Type.STRING, true, false), new Field("plate", Type.STRING, true, false),
                    new Field("country", Type.STRING, false, false), new Field("confidence", Type.NUMBER, true, false),
                    new Field("direction", Type.STRING, false, false),
                    new Field("imageRef", Type.STRING, false, false));
            case FACE_MATCH -> List.of(new Field("id", Type.STRING, false, false),
                    new Field("cameraId", Type.STRING, deviceRequired, true),
                    new Field("capturedAt", Type.STRING, true, false),
                    new Field("watchlistEntryId", Type.STRING, true, false),
                    new Field("similarity", Type.NUMBER, true, false), new Field("imageRef", Type.STRING, true, false));
            case SENSOR_READING -> List.of(new Field("id", Type.STRING, false, false),
                    new Field("sensorId", Type.STRING, true, true), new Field("kind", Type.STRING, true, false),
                    new Field("observedAt", Type.STRING, true, false),
                    new Field("measurements", Type.ARRAY, true, false),
                    new Field("measurements/0/quantity", Type.STRING, true, false),
                    new Field("measurements/0/value", Type.NUMBER, true, false),
                    new Field("measurements/0/unit", Type.STRING, true, false));
            case HOTLIST_ENTRY -> List.of(new Field("plate", Type.STRING, true, false),
                    new Field("country", Type.STRING, false, false), new Field("category", Type.STRING, true, false),
                    new Field("priority", Type.NUMBER, true, false), new Field("reason", Type.STRING, false, false),
                    new Field("reference", Type.STRING, false, false),
                    new Field("validUntil", Type.STRING, false, false));
            case CAMERA -> List.of(new Field("name", Type.STRING, true, false),
                    new Field("latitude", Type.NUMBER, true, false), new Field("longitude", Type.NUMBER, true, false),
                    new Field("heading", Type.NUMBER, false, false),
                    new Field("borderApproach", Type.BOOLEAN, false, false));
            case AUTHORISATION -> List.of(new Field("judicialReference", Type.STRING, true, false),
                    new Field("watchlistEntries", Type.ARRAY, true, false),
                    new Field("watchlistEntries/0", Type.STRING, true, false),
                    new Field("cameras", Type.ARRAY, true, false), new Field("cameras/0", Type.STRING, true, false),
                    new Field("validFrom", Type.STRING, true, false), new Field("validUntil", Type.STRING, true, false),
                    new Field("offenceCategory", Type.STRING, true, false),
                    new Field("urgent", Type.BOOLEAN, false, false));
            default -> throw new IllegalStateException(format + " is not JSON");
        };
    }

    /** A payload the ingress accepts, made now. */
    private ObjectNode valid(int n) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode body = NODES.objectNode();
        switch (format) {
            case PLATE_READ -> body.put("id", id(n)).put("cameraId", device(n))
                    .put("capturedAt", now.minusSeconds(1).toString()).put("plate", plate(n)).put("country", "ES")
                    .put("confidence", 0.87).put("direction", "approaching").put("imageRef", imageRef(n));
            case FACE_MATCH -> body.put("id", id(n)).put("cameraId", device(n))
                    .put("capturedAt", now.minusSeconds(1).toString()).put("watchlistEntryId", "wl-hostile-0001")
                    .put("similarity", 0.91).put("imageRef", imageRef(n));
            case SENSOR_READING -> {
                body.put("id", id(n)).put("sensorId", device(n)).put("kind", "weather")
                        .put("observedAt", now.minusSeconds(1).toString());
                body.putArray("measurements").addObject().put("quantity", "air_temperature").put("value", 19.5)
                        .put("unit", "Cel");
            }
            case HOTLIST_ENTRY -> body.put("plate", String.format(Locale.ROOT, "HX%04d", n % 10_000))
                    .put("country", "ES").put("category", "OTHER").put("priority", 10)
                    .put("reason", "hostile-input run").put("reference", "HX-" + seed + "-" + n)
                    .put("validUntil", now.plus(1, ChronoUnit.DAYS).toString());
            case CAMERA -> body.put("name", "Hostile camera " + n).put("latitude", 35.885).put("longitude", -5.318)
                    .put("heading", 90).put("borderApproach", false);
            case AUTHORISATION -> {
                body.put("judicialReference", "HX-AUTO-" + seed + "-" + n);
                body.putArray("watchlistEntries").add("wl-hostile-0001");
                body.putArray("cameras").add("hostile-face-1");
                body.put("validFrom", now.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString())
                        .put("validUntil", now.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                        .put("offenceCategory", "terrorism").put("urgent", false);
            }
            default -> throw new IllegalStateException(format + " is not JSON");
        }
        return body;
    }

    private JsonNode wrongValue(Random random, Field field) {
        List<JsonNode> values = new ArrayList<>(switch (field.type()) {
            case STRING -> List.<JsonNode>of(IntNode.valueOf(42), DoubleNode.valueOf(1e10), BooleanNode.TRUE,
                    NODES.arrayNode().add("x"), NODES.objectNode().put("$ne", ""));
            case NUMBER -> List.<JsonNode>of(TextNode.valueOf("0.9"), TextNode.valueOf(""), BooleanNode.TRUE,
                    NODES.arrayNode().add(0.9), NODES.objectNode().put("value", 0.9));
            case ARRAY -> List.<JsonNode>of(TextNode.valueOf("wl-1"), IntNode.valueOf(1),
                    NODES.objectNode().put("0", "hostile-face-1"));
            case BOOLEAN -> List.<JsonNode>of(TextNode.valueOf("yes"), IntNode.valueOf(1),
                    NODES.arrayNode().add(true), NODES.objectNode());
        });
        if (field.required()) {
            values.add(NullNode.instance);
        }
        return values.get(random.nextInt(values.size()));
    }

    private byte[] hugeJson(Random random, int n) {
        int size = hugeBytes / 2 + random.nextInt(hugeBytes / 2);
        byte[] one = json(valid(n));
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + one.length);
        switch (random.nextInt(3)) {
            case 0 -> {
                out.write('[');
                while (out.size() < size) {
                    out.write(one, 0, one.length);
                    out.write(',');
                }
                out.write(one, 0, one.length);
                out.write(']');
            }
            case 1 -> {
                out.write(one, 0, one.length);
                byte[] spaces = " \n\t\r".repeat(4096).getBytes(StandardCharsets.US_ASCII);
                while (out.size() < size) {
                    out.write(spaces, 0, spaces.length);
                }
            }
            default -> {
                out.write('{');
                for (int i = 0; out.size() < size; i++) {
                    byte[] member = ("\"k" + i + "\":" + i + ",").getBytes(StandardCharsets.US_ASCII);
                    out.write(member, 0, member.length);
                }
                out.write(one, 1, one.length - 1);
            }
        }
        return out.toByteArray();
    }

    private byte[] deepJson(Random random, int n) {
        int depth = 10_000 + random.nextInt(90_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String deep = switch (random.nextInt(3)) {
            case 0 -> open.repeat(depth);
            case 1 -> open.repeat(depth) + "1" + close.repeat(depth);
            default -> null;
        };
        if (deep != null) {
            return deep.getBytes(StandardCharsets.US_ASCII);
        }
        ObjectNode body = valid(n);
        Field field = pick(random, fields(), f -> !f.path().contains("/"));
        set(body, field.path(), TextNode.valueOf(MARK));
        return replace(json(body), "\"" + MARK + "\"", "[".repeat(depth) + "]".repeat(depth));
    }

    /** A valid payload with one of {@code sequences} written into a string field's bytes. */
    private byte[] spliced(Random random, int n, int[][] sequences) {
        ObjectNode body = valid(n);
        Field field = pick(random, fields(), f -> f.type() == Type.STRING);
        String value = textAt(body, field.path());
        set(body, field.path(), TextNode.valueOf(MARK));
        int at = random.nextInt(value.length() + 1);
        byte[] inserted = bytes(sequences[random.nextInt(sequences.length)]);
        byte[] replacement = concat(("\"" + value.substring(0, at)).getBytes(StandardCharsets.UTF_8), inserted,
                (value.substring(at) + "\"").getBytes(StandardCharsets.UTF_8));
        return replace(json(body), ("\"" + MARK + "\"").getBytes(StandardCharsets.UTF_8), replacement);
    }


    private void csvKinds() {
        String header = "plate,country,category,priority,reason,reference\n";
        kind("truncated CSV", 6, (r, n) -> hostile(n, "truncated CSV",
                header.substring(0, 1 + r.nextInt(header.length() - 2)).getBytes(StandardCharsets.UTF_8)));
        kind("wrongly typed field", 8, (r, n) -> {
            String[] rows = {"HY%04d,ES,OTHER,high,x,y", "HY%04d,ES,123,10,x,y", "HY%04d,ES,OTHER,1e400,x,y",
                "HY%04d,ES,OTHER,-5,x,y", "HY%04d,ES,OTHER,101,x,y", "!!%04d,ES,OTHER,10,x,y",
                "HY%04d,XX1,OTHER,10,x,y",
                "HY%04d,ES,OTHER,,x,y", "HY%04d,ES,,10,x,y"};
            return hostile(n, "wrongly typed field", (header + String.format(Locale.ROOT, rows[r.nextInt(rows.length)],
                    n % 10_000) + "\n").getBytes(StandardCharsets.UTF_8));
        });
        kind("missing field", 5, (r, n) -> {
            String[] bodies = {"plate,country,category\nHY%04d,ES,OTHER\n", "plate,priority\nHY%04d,10\n",
                "country,category,priority\nES,OTHER,10\n", header + "HY%04d,ES\n", header + "HY%04d\n"};
            return hostile(n, "missing field", String.format(Locale.ROOT, bodies[r.nextInt(bodies.length)],
                    n % 10_000).getBytes(StandardCharsets.UTF_8));
        });
        kind("unknown fields", 4, (r, n) -> new Input(n, "unknown fields", (header.replace("\n", ",vendor_extra\n")
                + csvRow(n).replace("\n", ",whatever\n")).getBytes(StandardCharsets.UTF_8), List.of(), true,
                Caller.ACCOUNT, null));
        kind("huge payload", 1, (r, n) -> {
            int size = hugeBytes / 2 + r.nextInt(hugeBytes / 2);
            StringBuilder csv = new StringBuilder(size + 100).append(header);
            for (int i = 0; csv.length() < size; i++) {
                csv.append("!!").append(i).append(",ES,OTHER,10,hostile,hostile\n");
            }
            return hostile(n, "huge payload", csv.toString().getBytes(StandardCharsets.UTF_8));
        });
        kind("huge string field", 1, (r, n) -> hostile(n, "huge string field", (header + String.format(Locale.ROOT,
                "HY%04d,ES,OTHER,10,", n % 10_000) + letters(r, hugeBytes / 2 + r.nextInt(hugeBytes / 2)) + ",y\n")
                .getBytes(StandardCharsets.UTF_8)));
        kind("very wide row", 3, (r, n) -> hostile(n, "very wide row", (header + csvRow(n).strip()
                + ",a".repeat(10_000 + r.nextInt(90_000)) + "\n").getBytes(StandardCharsets.UTF_8)));
        kind("invalid UTF-8", 6, (r, n) -> hostile(n, "invalid UTF-8", csvSpliced(r, n, INVALID_UTF8)));
        kind("overlong UTF-8", 5, (r, n) -> hostile(n, "overlong UTF-8", csvSpliced(r, n, OVERLONG)));
        kind("NUL byte", 4, (r, n) -> hostile(n, "NUL byte", csvSpliced(r, n, new int[][] {{0x00}})));
        kind("binary garbage", 2, (r, n) -> hostile(n, "binary garbage", garbage(r)));
        kind("empty body", 1, (r, n) -> hostile(n, "empty body", new byte[0]));
        kind("Camel headers, valid body", 4, (r, n) -> new Input(n, "Camel headers, valid body",
                (header + csvRow(n)).getBytes(StandardCharsets.UTF_8), camelHeaders(r), true, Caller.ACCOUNT, null));
        kind("no credentials", 1, (r, n) -> new Input(n, "no credentials",
                (header + csvRow(n)).getBytes(StandardCharsets.UTF_8), List.of(), false, Caller.ANONYMOUS, null));
        kind("wrong password", 1, (r, n) -> new Input(n, "wrong password",
                (header + csvRow(n)).getBytes(StandardCharsets.UTF_8), List.of(), false, Caller.WRONG_PASSWORD, null));
    }

    private String csvRow(int n) {
        return String.format(Locale.ROOT, "HY%04d,ES,OTHER,10,hostile-input run,HYC-%d-%d%n", n % 10_000, seed, n);
    }

    /** One CSV row whose plate, reason or reference has one of {@code sequences} in its bytes. */
    private byte[] csvSpliced(Random random, int n, int[][] sequences) {
        String header = "plate,country,category,priority,reason,reference\n";
        String[] cells = csvRow(n).strip().split(",");
        int cell = new int[] {0, 4, 5}[random.nextInt(3)];
        int at = random.nextInt(cells[cell].length() + 1);
        String before = String.join(",", Arrays.copyOfRange(cells, 0, cell)) + (cell == 0 ? "" : ",")
                + cells[cell].substring(0, at);
        String after = cells[cell].substring(at) + (cell == cells.length - 1 ? "" : ",")
                + String.join(",", Arrays.copyOfRange(cells, cell + 1, cells.length)) + "\n";
        return concat((header + before).getBytes(StandardCharsets.UTF_8),
                bytes(sequences[random.nextInt(sequences.length)]), after.getBytes(StandardCharsets.UTF_8));
    }


    private void onvifKinds() {
        for (HostileXml.Kind kind : HostileXml.Kind.values()) {
            if (!kind.onvif()) {
                continue;
            }
            kind(kind.label() + " (ONVIF)", kind.weight(), (r, n) -> {
                HostileXml.Document document = xml.onvif(kind, r, n, mqtt);
                return new Input(n, kind.label() + " (ONVIF)", document.body(),
                        kind == HostileXml.Kind.CAMEL_HEADERS ? camelHeaders(r) : List.of(), kind.validOnvif(),
                        kind.caller(), device(n));
            });
        }
    }

    private void soapKinds() {
        for (HostileXml.Kind kind : HostileXml.Kind.values()) {
            if (!kind.soap()) {
                continue;
            }
            kind(kind.label(), kind.weight(), (r, n) -> {
                HostileXml.Document document = xml.soap(kind, r, n);
                return new Input(n, kind.label(), document.body(),
                        kind == HostileXml.Kind.CAMEL_HEADERS ? camelHeaders(r) : List.of(), kind.validSoap(),
                        Caller.ACCOUNT, null);
            });
        }
    }


    private void kind(String name, int weight, BiFunction<Random, Integer, Input> build) {
        kinds.add(new Kind(name, weight, build));
    }

    private Input hostile(int n, String kind, byte[] body) {
        return new Input(n, kind, body, List.of(), false, Caller.ACCOUNT, device(n));
    }

    /** The device input {@code n} is sent as: the topic's on MQTT, the path's for cameras. */
    private String device(int n) {
        return switch (format) {
            case PLATE_READ -> devices.get(n % devices.size());
            case FACE_MATCH -> "hostile-face-" + (1 + n % 2);
            case SENSOR_READING -> "hostile-wx-" + (1 + n % 2);
            case CAMERA -> "hostile-cam-" + n;
            default -> null;
        };
    }

    private String otherDevice(int n) {
        return switch (format) {
            case PLATE_READ -> devices.get((n + 1) % devices.size());
            case FACE_MATCH -> "hostile-face-" + (1 + (n + 1) % 2);
            case SENSOR_READING -> "hostile-wx-" + (1 + (n + 1) % 2);
            default -> throw new IllegalStateException(format + " has no device in its payload");
        };
    }

    private List<Map.Entry<String, String>> camelHeaders(Random random) {
        List<Map.Entry<String, String>> chosen = new ArrayList<>(camelHeaders);
        java.util.Collections.shuffle(chosen, random);
        return List.copyOf(chosen.subList(0, 1 + random.nextInt(5)));
    }

    private static Field pick(Random random, List<Field> fields, java.util.function.Predicate<Field> which) {
        List<Field> candidates = fields.stream().filter(which).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static void set(ObjectNode body, String path, JsonNode value) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash < 0 ? body : body.at("/" + path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static void remove(ObjectNode body, String path) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash < 0 ? body : body.at("/" + path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
    }

    private static String textAt(ObjectNode body, String path) {
        return body.at("/" + path).asText();
    }

    static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    static String letters(Random random, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = (char) ('A' + random.nextInt(26));
        }
        return new String(text);
    }

    static byte[] garbage(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(4096)];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] bytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    static byte[] splice(byte[] body, int at, byte[] inserted) {
        return concat(Arrays.copyOfRange(body, 0, at), inserted, Arrays.copyOfRange(body, at, body.length));
    }

    static byte[] replace(byte[] body, String marker, String replacement) {
        return replace(body, marker.getBytes(StandardCharsets.UTF_8), replacement.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code body} with its first {@code marker} replaced. */
    static byte[] replace(byte[] body, byte[] marker, byte[] replacement) {
        outer:
        for (int i = 0; i + marker.length <= body.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (body[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return concat(Arrays.copyOfRange(body, 0, i), replacement,
                    Arrays.copyOfRange(body, i + marker.length, body.length));
        }
        throw new IllegalArgumentException("marker not found");
    }
}
