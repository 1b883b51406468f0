package org.atalaya.store.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.geo.GeoPoint;

/**
 * Reads camera sites from CSV: a header naming the columns {@code id, name, latitude, longitude,
 * heading, border_approach} in any order, then one camera per line. A field with a comma is
 * quoted ({@code "Frontera del Tarajal, entrada"}); blank lines and lines starting with
 * {@code #} are skipped. Any error names the file and the line.
 */
final class CameraCsv {

    private static final List<String> COLUMNS = List.of("id", "name", "latitude", "longitude", "heading",
            "border_approach");

    private CameraCsv() {
    }

    /**
     * @param csv    the CSV text
     * @param source what to call it in an error (the file name)
     * @throws IllegalArgumentException naming the line, when a line is not a valid camera
     */
    static List<Camera> read(Reader csv, String source) throws IOException {
        BufferedReader lines = new BufferedReader(csv);
        Map<String, Integer> header = null;
        Map<String, Integer> lineOfId = new HashMap<>();
        List<Camera> cameras = new ArrayList<>();
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            try {
                List<String> fields = fields(line);
                if (header == null) {
                    header = header(fields);
                    continue;
                }
                Camera camera = camera(header, fields);
                Integer previous = lineOfId.putIfAbsent(camera.id(), number);
                if (previous != null) {
                    throw new IllegalArgumentException("camera " + camera.id() + " is already on line " + previous);
                }
                cameras.add(camera);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
            }
        }
        if (header == null) {
            throw new IllegalArgumentException(source + " has no header line: " + String.join(",", COLUMNS));
        }
        return cameras;
    }

    private static Map<String, Integer> header(List<String> fields) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new IllegalArgumentException("unknown column '" + fields.get(i) + "', expected "
                        + String.join(",", COLUMNS));
            }
            if (header.put(name, i) != null) {
                throw new IllegalArgumentException("column " + name + " appears twice");
            }
        }
        for (String column : COLUMNS) {
            if (!header.containsKey(column)) {
                throw new IllegalArgumentException("missing column " + column + " in the header");
            }
        }
        return header;
    }

    private static Camera camera(Map<String, Integer> header, List<String> fields) {
        if (fields.size() != header.size()) {
            throw new IllegalArgumentException(fields.size() + " fields, the header has " + header.size());
        }
        String id = fields.get(header.get("id"));
        String name = fields.get(header.get("name"));
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id is empty");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name is empty");
        }
        double latitude = number(fields, header, "latitude");
        double longitude = number(fields, header, "longitude");
        return new Camera(id, name, new GeoPoint(latitude, longitude), number(fields, header, "heading"),
                bool(fields.get(header.get("border_approach"))));
    }

    private static double number(List<String> fields, Map<String, Integer> header, String column) {
        String text = fields.get(header.get(column));
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + text + "'", e);
        }
    }

    private static boolean bool(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException("border_approach must be true or false: '" + text + "'");
        }
    }

    /** The fields of one line: separated by commas, optionally quoted with {@code "} ({@code ""} inside). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("a quoted field is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a quoted field: '" + line.substring(i) + "'");
                }
                fields.add(field.toString());
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? line.length() : comma;
                fields.add(line.substring(i, end).strip());
                i = end;
            }
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }
}
