package org.atalaya.store.internal;

import org.atalaya.store.jdbc.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atalaya.api.anpr.Camera;
import org.atalaya.api.anpr.CameraRegistry;
import org.atalaya.api.geo.GeoPoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The ANPR camera sites, in the {@code camera} table: seeded from a CSV file on first start,
 * edited by operators afterwards. Every plate read names its camera, so {@link #find} answers
 * from a copy of the table in memory (a city has tens to hundreds of sites), loaded on first use
 * and dropped after each change this registry commits; it is the table's only writer.
 */
@Component(service = CameraRegistry.class)
public final class CameraStore implements CameraRegistry {

    private static final String COLUMNS = "id, name, latitude, longitude, heading, border_approach";

    private final Database database;
    private volatile Map<String, Camera> byId;

    @Activate
    public CameraStore(@Reference StoreComponent store) {
        this(store.database());
    }

    // not public: the component runtime reports each public constructor of the activator's arity
    // that it cannot inject
    CameraStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Camera> find(String id) {
        Map<String, Camera> cameras = byId;
        return Optional.ofNullable((cameras != null ? cameras : load()).get(id));
    }

    /** The table as it is now; a change committed later drops it again. */
    private synchronized Map<String, Camera> load() {
        if (byId == null) {
            Map<String, Camera> loaded = new HashMap<>();
            list().forEach(camera -> loaded.put(camera.id(), camera));
            byId = Map.copyOf(loaded);
        }
        return byId;
    }

    /** Called after each commit that changed the table. */
    private synchronized void changed() {
        byId = null;
    }

    @Override
    public List<Camera> list() {
        List<Camera> cameras = database.run("list cameras", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM camera");
                    ResultSet rows = query.executeQuery()) {
                List<Camera> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(camera(rows));
                }
                return all;
            }
        });
        // sorted here: the two databases collate ids differently, and there are few cameras
        cameras.sort(Comparator.comparing(Camera::id));
        return cameras;
    }

    @Override
    public boolean put(Camera camera) {
        try {
            return store(camera);
        } finally {
            changed();
        }
    }

    private boolean store(Camera camera) {
        return database.transaction("store camera " + camera.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE camera SET name = ?, latitude = ?,"
                    + " longitude = ?, heading = ?, border_approach = ? WHERE id = ?")) {
                bind(update, camera, 1);
                update.setString(6, camera.id());
                if (update.executeUpdate() > 0) {
                    return false;
                }
            }
            insert(connection, List.of(camera));
            return true;
        });
    }

    @Override
    public boolean remove(String id) {
        try {
            return database.transaction("remove camera " + id, connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM camera WHERE id = ?")) {
                    delete.setString(1, id);
                    return delete.executeUpdate() > 0;
                }
            });
        } finally {
            changed();
        }
    }

    /** Whether there is no camera at all. */
    public boolean isEmpty() {
        return count() == 0;
    }

    /**
     * Stores {@code cameras} when there is no camera yet, in one transaction.
     *
     * @return how many were stored: 0 when there were cameras already
     */
    public int seedIfEmpty(List<Camera> cameras) {
        try {
            return database.transaction("seed " + cameras.size() + " cameras", connection -> {
                if (count(connection) > 0) {
                    return 0;
                }
                insert(connection, cameras);
                return cameras.size();
            });
        } finally {
            changed();
        }
    }

    private long count() {
        return database.run("count cameras", CameraStore::count);
    }

    private static long count(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM camera");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void insert(Connection connection, List<Camera> cameras) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO camera (name, latitude, longitude,"
                + " heading, border_approach, id) VALUES (?,?,?,?,?,?)")) {
            for (Camera camera : cameras) {
                bind(insert, camera, 1);
                insert.setString(6, camera.id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, Camera camera, int first) throws SQLException {
        statement.setString(first, camera.name());
        statement.setDouble(first + 1, camera.position().latitude());
        statement.setDouble(first + 2, camera.position().longitude());
        statement.setDouble(first + 3, camera.heading());
        statement.setBoolean(first + 4, camera.borderApproach());
    }

    private static Camera camera(ResultSet rows) throws SQLException {
        return new Camera(rows.getString("id"), rows.getString("name"),
                new GeoPoint(rows.getDouble("latitude"), rows.getDouble("longitude")), rows.getDouble("heading"),
                rows.getBoolean("border_approach"));
    }
}
