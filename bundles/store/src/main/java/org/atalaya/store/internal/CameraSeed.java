package org.atalaya.store.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.atalaya.api.anpr.Camera;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty camera table from the camera file ({@code etc/atalaya-cameras.csv}), so a new
 * hub knows its camera sites; once there are cameras, operators edit them and the file is not
 * read again.
 */
final class CameraSeed {

    static final String DEFAULT_FILE = "atalaya-cameras.csv";

    private static final Logger LOG = LoggerFactory.getLogger(CameraSeed.class);

    private final CameraStore cameras;

    CameraSeed(CameraStore cameras) {
        this.cameras = cameras;
    }

    /**
     * The camera file: the configured one, or {@value #DEFAULT_FILE} in Karaf's {@code etc}.
     *
     * @param configured the configured path, or empty
     * @param karafEtc   Karaf's {@code etc} directory, or {@code null} outside Karaf
     * @return the file, or {@code null} when none is configured and there is no {@code etc}
     */
    static Path file(String configured, String karafEtc) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        return karafEtc == null ? null : Path.of(karafEtc, DEFAULT_FILE);
    }

    /**
     * Stores the cameras of {@code file} when there is no camera yet.
     *
     * @return how many cameras were stored
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException naming the line, when a line is not a valid camera
     */
    int seed(Path file) throws IOException {
        if (!cameras.isEmpty()) {
            LOG.debug("The camera table has cameras; {} not read", file);
            return 0;
        }
        if (file == null || !Files.isRegularFile(file)) {
            LOG.warn("No camera file at {}: the camera table stays empty until cameras are added", file);
            return 0;
        }
        List<Camera> sites;
        try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            sites = CameraCsv.read(csv, file.getFileName().toString());
        }
        int seeded = cameras.seedIfEmpty(sites);
        LOG.info("Seeded the camera table with {} cameras from {}", seeded, file);
        return seeded;
    }
}
