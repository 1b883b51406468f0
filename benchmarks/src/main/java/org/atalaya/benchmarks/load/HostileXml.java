package org.atalaya.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Random;

import org.atalaya.simulators.anpr.internal.BenchmarkCameraReads;

/**
 * The XML side of {@link HostileInputs}: ONVIF licence-plate events (as Profile M cameras send
 * them, in a WS-Notification message) and SOAP consultations (with their WS-Security
 * UsernameToken), each broken one way. Entities that point outside (a file, an HTTP URL, a
 * parameter entity, an external DTD, XInclude, a stylesheet) point at the harness's canary URL,
 * so that a hub that fetched one is caught doing it, not just suspected.
 */
final class HostileXml {

    /**
     * The ways an XML input is broken; those valid for ONVIF or for SOAP may be accepted there as
     * they stand. Unknown elements (an XInclude element among them, which is not processed) are
     * valid in an ONVIF event, whose schema leaves room for a vendor's extensions, and invalid in
     * a SOAP request, which the hub reads against its WSDL.
     */
    enum Kind {
        XXE_FILE("XXE to a file", 3, true, true, false, false),
        XXE_HTTP("XXE to an HTTP URL", 3, true, true, false, false),
        XXE_PARAMETER("parameter entity from an HTTP URL", 2, true, true, false, false),
        BILLION_LAUGHS("billion laughs", 3, true, true, false, false),
        QUADRATIC_BLOWUP("quadratic entity expansion", 2, true, true, false, false),
        DOCTYPE("DOCTYPE", 3, true, true, false, false),
        XINCLUDE("XInclude", 2, true, true, true, false),
        STYLESHEET("stylesheet processing instruction", 1, true, true, true, true),
        DEEP("deep XML nesting", 3, true, true, false, false),
        HUGE("huge XML", 1, true, true, false, false),
        HUGE_TEXT("huge text field", 1, true, true, false, false),
        TRUNCATED("truncated XML", 5, true, true, false, false),
        INVALID_UTF8("invalid UTF-8", 5, true, true, false, false),
        OVERLONG("overlong UTF-8", 4, true, true, false, false),
        NUL("NUL byte", 3, true, true, false, false),
        ENCODING_LIE("encoding that lies", 2, true, true, false, false),
        WRONG_TYPE("wrongly typed field", 5, true, true, false, false),
        MISSING("missing field", 4, true, true, false, false),
        UNKNOWN("unknown elements", 3, true, true, true, false),
        UNKNOWN_OPERATION("unknown operation", 2, false, true, false, false),
        NO_SECURITY("no security header", 1, false, true, false, false),
        WRONG_PASSWORD("wrong password", 1, false, true, false, false),
        CAMEL_HEADERS("Camel headers, valid body", 3, true, true, true, true);

        private final String label;
        private final int weight;
        private final boolean onvif;
        private final boolean soap;
        private final boolean validOnvif;
        private final boolean validSoap;

        Kind(String label, int weight, boolean onvif, boolean soap, boolean validOnvif, boolean validSoap) {
            this.label = label;
            this.weight = weight;
            this.onvif = onvif;
            this.soap = soap;
            this.validOnvif = validOnvif;
            this.validSoap = validSoap;
        }

        String label() {
            return label;
        }

        int weight() {
            return weight;
        }

        boolean onvif() {
            return onvif;
        }

        boolean soap() {
            return soap;
        }

        boolean validOnvif() {
            return validOnvif;
        }

        boolean validSoap() {
            return validSoap;
        }

        HostileInputs.Caller caller() {
            return HostileInputs.Caller.ACCOUNT;
        }
    }

    /** A generated document. */
    record Document(byte[] body) {
    }

    /** The simulator's ONVIF event, with a slot before its root (a DOCTYPE) and one at the end of its data. */
    private static final String ONVIF = withEnds(BenchmarkCameraReads.onvifEventTemplate());

    private static String withEnds(String event) {
        int root = event.indexOf('\n') + 1;
        int dataEnd = event.lastIndexOf('\n', event.indexOf("</tt:Data>"));
        return event.substring(0, root) + "%s" + event.substring(root, dataEnd) + "%s" + event.substring(dataEnd);
    }


    private static final String SOAP = """
            %s<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
              %s
              <soap:Body>
                %s
              </soap:Body>
            </soap:Envelope>
            """;

    private static final String SECURITY = """
            <soap:Header>
                <wsse:Security soap:mustUnderstand="1" \
            xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
                  <wsse:UsernameToken>
                    <wsse:Username>%s</wsse:Username>
                    <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/\
            oasis-200401-wss-username-token-profile-1.0#PasswordText">%s</wsse:Password>
                  </wsse:UsernameToken>
                </wsse:Security>
              </soap:Header>""";

    private static final String MARK = "HOSTILEMARK";

    private final String canary;
    private final int hugeBytes;
    private final String soapUser;
    private final String soapPassword;

    HostileXml(String canary, int hugeBytes, String soapUser, String soapPassword) {
        this.canary = canary;
        this.hugeBytes = hugeBytes;
        this.soapUser = soapUser;
        this.soapPassword = soapPassword;
    }

    /** An ONVIF licence-plate event, broken as {@code kind} says. */
    Document onvif(Kind kind, Random random, int n, boolean mqtt) {
        String plate = onvifPlate(n, mqtt);
        String now = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS).toString();
        String likelihood = "0.88";
        String doctype = "";
        String extra = "";
        String country = "ESP";
        String direction = "Approaching";
        switch (kind) {
            case XXE_FILE -> {
                doctype = "<!DOCTYPE wsnt:NotificationMessage [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
                plate = "&xxe;";
            }
            case XXE_HTTP -> {
                doctype = "<!DOCTYPE wsnt:NotificationMessage [<!ENTITY xxe SYSTEM \"" + canary + "/xxe/" + n
                        + "\">]>\n";
                plate = random.nextBoolean() ? "&xxe;" : plate + "&xxe;";
            }
            case XXE_PARAMETER -> doctype = "<!DOCTYPE wsnt:NotificationMessage [<!ENTITY % remote SYSTEM \"" + canary
                    + "/dtd/" + n + "\"> %remote;]>\n";
            case BILLION_LAUGHS -> {
                doctype = billionLaughs("wsnt:NotificationMessage");
                plate = "&lol9;";
            }
            case QUADRATIC_BLOWUP -> {
                doctype = "<!DOCTYPE wsnt:NotificationMessage [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>\n";
                plate = "&a;".repeat(2_000 + random.nextInt(8_000));
            }
            case DOCTYPE -> doctype = doctype(random, "wsnt:NotificationMessage", n);
            case XINCLUDE -> extra = "\n<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                    + (random.nextBoolean() ? "file:///etc/passwd" : canary + "/xinclude/" + n) + "\" parse=\"text\"/>";
            case STYLESHEET -> doctype = "<?xml-stylesheet type=\"text/xsl\" href=\"" + canary + "/xsl/" + n + "\"?>\n";
            case DEEP -> {
                int depth = 10_000 + random.nextInt(25_000);
                extra = "\n" + "<tt:Deep>".repeat(depth) + (random.nextBoolean() ? "</tt:Deep>".repeat(depth) : "");
            }
            case HUGE -> extra = "\n<!--" + HostileInputs.letters(random, hugeBytes / 2 + random.nextInt(hugeBytes / 2))
                    + "-->";
            case HUGE_TEXT -> plate = HostileInputs.letters(random, 100_000 + random.nextInt(hugeBytes / 2));
            case WRONG_TYPE -> {
                switch (random.nextInt(5)) {
                    case 0 -> likelihood = new String[] {"high", "NaN", "1e400", "-0.5", "", "0x1"}[random.nextInt(6)];
                    case 1 -> now = new String[] {"yesterday", "2026-13-45T99:99:99Z", "", "1763721600",
                        "2026-11-21"}[random.nextInt(5)];
                    case 2 -> country = new String[] {"123", "ZZZ", "E", "SPAIN"}[random.nextInt(4)];
                    case 3 -> plate = new String[] {"!!!", "", "   ", "ABCDEFGHIJKLMNOP", "<![CDATA[]]>"}
                            [random.nextInt(5)];
                    default -> direction = new String[] {"sideways", "", "Approaching; DROP", "42"}[random.nextInt(4)];
                }
            }
            case UNKNOWN -> extra = "\n<tt:Extension vendor:flag=\"1\" xmlns:vendor=\"urn:vendor:hostile\">"
                    + "<vendor:Colour>red</vendor:Colour><vendor:Speed unit=\"km/h\">57</vendor:Speed></tt:Extension>";
            default -> {
                // broken once written, below
            }
        }
        String text = ONVIF.formatted(doctype, now, likelihood, plate, country, likelihood, direction, extra);
        return new Document(switch (kind) {
            case TRUNCATED -> truncated(random, text);
            case INVALID_UTF8 -> spliced(random, text, plate, HostileInputs.INVALID_UTF8);
            case OVERLONG -> spliced(random, text, plate, HostileInputs.OVERLONG);
            case NUL -> nul(random, text, plate);
            case ENCODING_LIE -> encodingLie(random, text);
            case MISSING -> utf8(missingOnvif(random, text));
            default -> utf8(text);
        });
    }

    /** The plate ONVIF input {@code n} reads: none other of the run reads it. */
    String onvifPlate(int n, boolean mqtt) {
        return Workload.unlistedPlate(8_000_000L + (mqtt ? 0 : 500_000) + n);
    }

    /** A SOAP consultation, broken as {@code kind} says. */
    Document soap(Kind kind, Random random, int n) {
        String plate = Workload.unlistedPlate(9_000_000L + n);
        String user = soapUser;
        String password = soapPassword;
        String prolog = "";
        String operation = checkPlate(plate, n, "");
        switch (kind) {
            case XXE_FILE, XXE_HTTP -> {
                String target = kind == Kind.XXE_FILE ? "file:///etc/passwd" : canary + "/xxe/" + n;
                prolog = "<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"" + target + "\">]>\n";
                if (random.nextBoolean()) {
                    operation = checkPlate("&xxe;", n, "");
                } else {
                    user = "&xxe;";
                }
            }
            case XXE_PARAMETER -> prolog = "<!DOCTYPE soap:Envelope [<!ENTITY % remote SYSTEM \"" + canary + "/dtd/" + n
                    + "\"> %remote;]>\n";
            case BILLION_LAUGHS -> {
                prolog = billionLaughs("soap:Envelope");
                operation = checkPlate("&lol9;", n, "");
            }
            case QUADRATIC_BLOWUP -> {
                prolog = "<!DOCTYPE soap:Envelope [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>\n";
                operation = checkPlate("&a;".repeat(2_000 + random.nextInt(8_000)), n, "");
            }
            case DOCTYPE -> prolog = doctype(random, "soap:Envelope", n);
            case XINCLUDE -> operation = checkPlate(plate, n, "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\""
                    + " href=\"" + canary + "/xinclude/" + n + "\" parse=\"text\"/>");
            case STYLESHEET -> prolog = "<?xml-stylesheet type=\"text/xsl\" href=\"" + canary + "/xsl/" + n + "\"?>\n";
            case DEEP -> {
                int depth = 1_000 + random.nextInt(50_000);
                operation = checkPlate(plate, n, "<deep>".repeat(depth) + "</deep>".repeat(depth));
            }
            case HUGE -> operation = checkPlate(plate, n, "<!--" + HostileInputs.letters(random,
                    hugeBytes / 2 + random.nextInt(hugeBytes / 2)) + "-->");
            case HUGE_TEXT -> operation = checkPlate(HostileInputs.letters(random,
                    100_000 + random.nextInt(hugeBytes / 2)), n, "");
            case WRONG_TYPE -> operation = switch (random.nextInt(4)) {
                case 0 -> findAlerts(new String[] {"abc", "99999999999", "-1", "1.5", ""}[random.nextInt(5)],
                        Instant.now().minusSeconds(3600).toString(), n);
                case 1 -> findAlerts("10", new String[] {"yesterday", "2026-13-45T99:99:99Z", "1763721600",
                    "<b>now</b>"}[random.nextInt(4)], n);
                case 2 -> checkPlate(new String[] {"!!!", "", "ABCDEFGHIJKLMNOP"}[random.nextInt(3)], n, "");
                default -> checkPlate("<plate2>" + plate + "</plate2>", n, "");
            };
            case MISSING -> operation = switch (random.nextInt(4)) {
                case 0 -> "<c:CheckPlate xmlns:c=\"urn:atalaya:soap:consultation:v1\"><purpose>investigation</purpose>"
                        + "<caseReference>HX-CASE-" + n + "</caseReference></c:CheckPlate>";
                case 1 -> "<c:FindAlerts xmlns:c=\"urn:atalaya:soap:consultation:v1\"><purpose>investigation</purpose>"
                        + "<caseReference>HX-CASE-" + n + "</caseReference></c:FindAlerts>";
                case 2 -> "";
                default -> checkPlate(plate, n, "").replace("<purpose>investigation</purpose>", "");
            };
            case UNKNOWN -> operation = checkPlate(plate, n, "<vendorExtension><colour>red</colour></vendorExtension>");
            case UNKNOWN_OPERATION -> operation = "<c:DropAllAlerts xmlns:c=\"urn:atalaya:soap:consultation:v1\">"
                    + "<agency>local-police</agency></c:DropAllAlerts>";
            case WRONG_PASSWORD -> password = "wrong-" + n;
            default -> {
                // broken once written, below
            }
        }
        String header = kind == Kind.NO_SECURITY ? "" : SECURITY.formatted(user, password);
        String text = SOAP.formatted(prolog, header, operation);
        return new Document(switch (kind) {
            case TRUNCATED -> truncated(random, text);
            case INVALID_UTF8 -> spliced(random, text, plate, HostileInputs.INVALID_UTF8);
            case OVERLONG -> spliced(random, text, plate, HostileInputs.OVERLONG);
            case NUL -> nul(random, text, plate);
            case ENCODING_LIE -> byteOrderMark(random, text);
            default -> utf8(text);
        });
    }

    private static String checkPlate(String plate, int n, String extra) {
        return "<c:CheckPlate xmlns:c=\"urn:atalaya:soap:consultation:v1\"><plate>" + plate + "</plate>"
                + "<purpose>investigation</purpose><caseReference>HX-CASE-" + n + "</caseReference>" + extra
                + "</c:CheckPlate>";
    }

    private static String findAlerts(String limit, String since, int n) {
        return "<c:FindAlerts xmlns:c=\"urn:atalaya:soap:consultation:v1\"><since>" + since + "</since><limit>" + limit
                + "</limit><purpose>investigation</purpose><caseReference>HX-CASE-" + n + "</caseReference>"
                + "</c:FindAlerts>";
    }

    private static String billionLaughs(String root) {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE ").append(root).append(" [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        return doctype.append("]>\n").toString();
    }

    private String doctype(Random random, String root, int n) {
        return switch (random.nextInt(3)) {
            case 0 -> "<!DOCTYPE " + root + ">\n";
            case 1 -> "<!DOCTYPE " + root + " SYSTEM \"" + canary + "/external-dtd/" + n + "\">\n";
            default -> "<!DOCTYPE " + root + " [<!ATTLIST tt:PlateNumber Likelihood CDATA \"0.99\">"
                    + "<!ENTITY plate \"1234BCD\">]>\n";
        };
    }

    /** Cut short before its last tag ends: the whitespace after it would leave a whole document. */
    private static byte[] truncated(Random random, String text) {
        byte[] whole = utf8(text.stripTrailing());
        return Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
    }

    /** The document with one of {@code sequences} written into {@code value}'s bytes, where it first occurs. */
    private static byte[] spliced(Random random, String text, String value, int[][] sequences) {
        int at = random.nextInt(value.length() + 1);
        String marked = text.replaceFirst(java.util.regex.Pattern.quote(value),
                java.util.regex.Matcher.quoteReplacement(value.substring(0, at) + MARK + value.substring(at)));
        return HostileInputs.replace(utf8(marked), utf8(MARK),
                HostileInputs.bytes(sequences[random.nextInt(sequences.length)]));
    }

    private static byte[] nul(Random random, String text, String value) {
        return switch (random.nextInt(3)) {
            case 0 -> spliced(random, text, value, new int[][] {{0x00}});
            case 1 -> utf8(text.replaceFirst(java.util.regex.Pattern.quote(value), value + "&#0;"));
            default -> utf8(text.replaceFirst(java.util.regex.Pattern.quote(value), value + "&#x1;"));
        };
    }

    /**
     * A byte order mark of UTF-16 or UTF-32 before UTF-8 text. Over HTTP the declaration is not
     * the lie that matters: the charset of the Content-Type rules, so only the bytes can lie.
     */
    private static byte[] byteOrderMark(Random random, String text) {
        int[][] marks = {{0xFE, 0xFF}, {0xFF, 0xFE}, {0x00, 0x00, 0xFE, 0xFF}, {0xFF, 0xFE, 0x00, 0x00}};
        return HostileInputs.concat(HostileInputs.bytes(marks[random.nextInt(marks.length)]), utf8(text));
    }

    private static byte[] encodingLie(Random random, String text) {
        String declared = new String[] {"UTF-16", "UTF-32", "x-hostile", "IBM037"}[random.nextInt(4)];
        if (random.nextInt(4) == 0) {
            return HostileInputs.concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, utf8(text));
        }
        return utf8(text.replace("encoding=\"UTF-8\"", "encoding=\"" + declared + "\""));
    }

    private static String missingOnvif(Random random, String text) {
        return switch (random.nextInt(5)) {
            case 0 -> text.replaceAll("<tt:PlateNumber[^>]*>[^<]*</tt:PlateNumber>", "");
            case 1 -> text.replaceAll("(?s)<tt:Message .*</tt:Message>", "");
            case 2 -> text.replaceAll(" UtcTime=\"[^\"]*\"", "");
            case 3 -> text.replaceAll(" Likelihood=\"[^\"]*\"", "")
                    .replaceAll("<tt:SimpleItem Name=\"Likelihood\"[^>]*>", "");
            default -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
