package org.atalaya.store.internal;

import org.atalaya.store.jdbc.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.atalaya.api.anpr.Direction;
import org.atalaya.api.anpr.PlateRead;
import org.atalaya.api.anpr.PlateReadRepository;
import org.atalaya.api.geo.GeoPoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Every plate read, kept for the retention period in the read archive's database
 * ({@link StoreComponent#archive()}): for past-hit matching when a plate is listed, for clone
 * investigations and for the Ministry of Justice. Reads are written in batches; a read already
 * stored (a redelivered one) is not stored twice.
 */
@Component(service = PlateReadRepository.class)
public final class PlateReadStore implements PlateReadRepository {

    private static final String COLUMNS = "id, camera_id, captured_at, plate_as_read, plate, plate_key, country,"
            + " confidence, direction, latitude, longitude, image_ref";

    private final Database database;

    @Activate
    public PlateReadStore(@Reference StoreComponent store) {
        this(store.archive());
    }

    // not public: the component runtime reports each public constructor of the activator's arity
    // that it cannot inject
    PlateReadStore(Database database) {
        this.database = database;
    }

    @Override
    public int save(List<PlateRead> reads, UnaryOperator<String> plateKey) {
        if (reads.isEmpty()) {
            return 0;
        }
        boolean h2 = database.dialect() == Database.Dialect.H2;
        String sql = h2
                ? "INSERT INTO plate_read (" + COLUMNS + ") SELECT ?,?,?,?,?,?,?,?,?,?,?,? FROM DUAL"
                        + " WHERE NOT EXISTS (SELECT 1 FROM plate_read WHERE id = ?)"
                : "INSERT INTO plate_read (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING";
        return database.groupedTransaction("save " + reads.size() + " plate reads", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (PlateRead read : reads) {
                    insert.setString(1, read.id());
                    insert.setString(2, read.cameraId());
                    insert.setObject(3, Database.timestamp(read.capturedAt()));
                    insert.setString(4, read.plateAsRead());
                    insert.setString(5, read.plate());
                    insert.setString(6, plateKey.apply(read.plate()));
                    insert.setString(7, read.country());
                    insert.setFloat(8, (float) read.confidence());
                    insert.setString(9, read.direction().name());
                    if (read.position() == null) {
                        insert.setNull(10, Types.DOUBLE);
                        insert.setNull(11, Types.DOUBLE);
                    } else {
                        insert.setDouble(10, read.position().latitude());
                        insert.setDouble(11, read.position().longitude());
                    }
                    insert.setString(12, read.imageRef());
                    if (h2) {
                        insert.setString(13, read.id());
                    }
                    insert.addBatch();
                }
                int added = 0;
                for (int rows : insert.executeBatch()) {
                    added += rows == PreparedStatement.SUCCESS_NO_INFO ? 1 : rows;
                }
                return added;
            }
        });
    }

    @Override
    public List<PlateRead> readsWithKey(String key, Instant since) {
        return database.run("find plate reads by key", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM plate_read WHERE plate_key = ? AND captured_at >= ? ORDER BY captured_at, id")) {
                query.setString(1, key);
                query.setObject(2, Database.timestamp(since));
                try (ResultSet rows = query.executeQuery()) {
                    List<PlateRead> reads = new ArrayList<>();
                    while (rows.next()) {
                        reads.add(read(rows));
                    }
                    return reads;
                }
            }
        });
    }

    @Override
    public int purge(Instant before) {
        return database.run("delete the plate reads captured before " + before, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM plate_read WHERE captured_at < ?")) {
                delete.setObject(1, Database.timestamp(before));
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public long count() {
        return database.run("count plate reads", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM plate_read");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static PlateRead read(ResultSet rows) throws SQLException {
        double latitude = rows.getDouble("latitude");
        GeoPoint position = rows.wasNull() ? null : new GeoPoint(latitude, rows.getDouble("longitude"));
        return new PlateRead(rows.getString("id"), rows.getString("camera_id"),
                Database.instant(rows.getObject("captured_at", OffsetDateTime.class)), rows.getString("plate_as_read"),
                rows.getString("plate"), trim(rows.getString("country")), rows.getFloat("confidence"),
                Direction.valueOf(rows.getString("direction")), position, rows.getString("image_ref"));
    }

    /** A CHAR column's value without the padding. */
    static String trim(String text) {
        return text == null ? null : text.strip();
    }
}
