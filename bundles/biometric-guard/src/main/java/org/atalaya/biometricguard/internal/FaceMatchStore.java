package org.atalaya.biometricguard.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atalaya.api.face.Authorisation;
import org.atalaya.api.face.AuthorisationStatus;
import org.atalaya.api.face.Confirmation;
import org.atalaya.api.face.DeliveredMatch;
import org.atalaya.api.face.FaceMatch;
import org.atalaya.api.face.MatchQuery;
import org.atalaya.api.face.MatchState;
import org.atalaya.store.jdbc.Database;

/**
 * The guard's tables (schema V4): authorisations with the entries and cameras they cover, held
 * matches, delivered matches and their confirmations. Every method works on the caller's
 * connection, so that the guard makes one transaction of a change and its audit record.
 */
final class FaceMatchStore {

    private static final String AUTHORISATION_COLUMNS = "id, judicial_reference, offence_category, valid_from,"
            + " valid_until, status, requested_by, requesting_agency, requested_at, decision_due, decided_by, decided_at";
    private static final String MATCH_COLUMNS = "id, camera_id, captured_at, watchlist_entry_id, similarity, image_ref";
    private static final String DELIVERED_COLUMNS = "sequence, " + MATCH_COLUMNS
            + ", authorisation_id, agency, state, delivered_at";

    /** A held match and until when it may be kept. */
    record Held(FaceMatch match, Instant receivedAt, Instant holdUntil) {
    }

    // --- authorisations --------------------------------------------------------------------

    void insert(Connection connection, Authorisation authorisation) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO face_authorisation ("
                + AUTHORISATION_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            insert.setString(1, authorisation.id());
            insert.setString(2, authorisation.judicialReference());
            insert.setString(3, authorisation.offenceCategory());
            insert.setObject(4, Database.timestamp(authorisation.validFrom()));
            insert.setObject(5, Database.timestamp(authorisation.validUntil()));
            insert.setString(6, authorisation.status().name());
            insert.setString(7, authorisation.requestedBy());
            insert.setString(8, authorisation.requestingAgency());
            insert.setObject(9, Database.timestamp(authorisation.requestedAt()));
            insert.setObject(10, Database.timestamp(authorisation.decisionDue()));
            insert.setString(11, authorisation.decidedBy());
            insert.setObject(12, Database.timestamp(authorisation.decidedAt()));
            insert.executeUpdate();
        }
        insertScope(connection, "face_authorisation_entry", "entry_id", authorisation);
        insertScope(connection, "face_authorisation_camera", "camera_id", authorisation);
    }

    private static void insertScope(Connection connection, String table, String column, Authorisation authorisation)
            throws SQLException {
        List<String> values = table.endsWith("entry") ? authorisation.watchlistEntries() : authorisation.cameras();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (authorisation_id, " + column + ") VALUES (?,?)")) {
            for (String value : values) {
                insert.setString(1, authorisation.id());
                insert.setString(2, value);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Records a decision (a grant, a refusal, a lapse); the reference is changed when one is given. */
    void decide(Connection connection, String id, AuthorisationStatus status, String judicialReference,
            String decidedBy, Instant decidedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE face_authorisation SET status = ?,"
                + " judicial_reference = COALESCE(?, judicial_reference), decided_by = ?, decided_at = ?"
                + " WHERE id = ?")) {
            update.setString(1, status.name());
            update.setString(2, judicialReference);
            update.setString(3, decidedBy);
            update.setObject(4, Database.timestamp(decidedAt));
            update.setString(5, id);
            update.executeUpdate();
        }
    }

    Optional<Authorisation> authorisation(Connection connection, String id) throws SQLException {
        List<Authorisation> found = authorisations(connection, " WHERE id = ?", List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every authorisation, or those in one status, newest request first. */
    List<Authorisation> authorisations(Connection connection, AuthorisationStatus status) throws SQLException {
        return status == null ? authorisations(connection, "", List.of())
                : authorisations(connection, " WHERE status = ?", List.of(status.name()));
    }

    /** Those that may cover a match: granted ones, and urgent requests (the caller checks their deadline). */
    List<Authorisation> active(Connection connection) throws SQLException {
        return authorisations(connection, " WHERE status IN (?, ?)",
                List.of(AuthorisationStatus.GRANTED.name(), AuthorisationStatus.REQUESTED_URGENT.name()));
    }

    /** Urgent requests whose deadline has come. */
    List<Authorisation> urgentDue(Connection connection, Instant now) throws SQLException {
        return authorisations(connection, " WHERE status = ? AND decision_due <= ?",
                List.of(AuthorisationStatus.REQUESTED_URGENT.name(), Database.timestamp(now)));
    }

    private List<Authorisation> authorisations(Connection connection, String where, List<Object> values)
            throws SQLException {
        Map<String, Authorisation> found = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + AUTHORISATION_COLUMNS
                + " FROM face_authorisation" + where + " ORDER BY requested_at DESC, id")) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString("id"), authorisation(rows, List.of(), List.of()));
                }
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> entries = scope(connection, "face_authorisation_entry", "entry_id", found.keySet());
        Map<String, List<String>> cameras = scope(connection, "face_authorisation_camera", "camera_id",
                found.keySet());
        List<Authorisation> complete = new ArrayList<>(found.size());
        for (Authorisation a : found.values()) {
            complete.add(new Authorisation(a.id(), a.judicialReference(), entries.getOrDefault(a.id(), List.of()),
                    cameras.getOrDefault(a.id(), List.of()), a.validFrom(), a.validUntil(), a.offenceCategory(),
                    a.status(), a.requestedBy(), a.requestingAgency(), a.requestedAt(), a.decisionDue(),
                    a.decidedBy(), a.decidedAt()));
        }
        return complete;
    }

    private static Map<String, List<String>> scope(Connection connection, String table, String column,
            Collection<String> ids) throws SQLException {
        Map<String, List<String>> scope = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT authorisation_id, " + column + " FROM "
                + table + " WHERE authorisation_id IN (" + placeholders(ids.size()) + ") ORDER BY " + column)) {
            int i = 1;
            for (String id : ids) {
                query.setString(i++, id);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    scope.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return scope;
    }

    private static Authorisation authorisation(ResultSet rows, List<String> entries, List<String> cameras)
            throws SQLException {
        return new Authorisation(rows.getString("id"), rows.getString("judicial_reference"), entries, cameras,
                instant(rows, "valid_from"), instant(rows, "valid_until"), rows.getString("offence_category"),
                AuthorisationStatus.valueOf(rows.getString("status")), rows.getString("requested_by"),
                rows.getString("requesting_agency"), instant(rows, "requested_at"), instant(rows, "decision_due"),
                rows.getString("decided_by"), instant(rows, "decided_at"));
    }

    // --- held matches ----------------------------------------------------------------------

    void hold(Connection connection, FaceMatch match, Instant receivedAt, Instant holdUntil) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO face_match_held (" + MATCH_COLUMNS
                + ", received_at, hold_until) VALUES (?,?,?,?,?,?,?,?)")) {
            setMatch(insert, match);
            insert.setObject(7, Database.timestamp(receivedAt));
            insert.setObject(8, Database.timestamp(holdUntil));
            insert.executeUpdate();
        }
    }

    /**
     * Held matches still within their hold window at {@code now}, oldest first; every held match
     * when {@code now} is {@code null}.
     */
    List<Held> held(Connection connection, Instant now) throws SQLException {
        List<Held> held = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + MATCH_COLUMNS
                + ", received_at, hold_until FROM face_match_held" + (now == null ? "" : " WHERE hold_until > ?")
                + " ORDER BY received_at, id")) {
            if (now != null) {
                query.setObject(1, Database.timestamp(now));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    held.add(new Held(match(rows), instant(rows, "received_at"), instant(rows, "hold_until")));
                }
            }
        }
        return held;
    }

    /** The ids of held matches whose hold window has ended at {@code now}. */
    List<String> heldPast(Connection connection, Instant now) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM face_match_held WHERE hold_until <= ? ORDER BY id")) {
            query.setObject(1, Database.timestamp(now));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    int deleteHeld(Connection connection, Collection<String> ids) throws SQLException {
        return deleteByIds(connection, "face_match_held", ids);
    }

    /** Deletes the held matches whose hold window has ended at {@code now}. */
    int deleteHeldPast(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM face_match_held WHERE hold_until <= ?")) {
            delete.setObject(1, Database.timestamp(now));
            return delete.executeUpdate();
        }
    }

    /** Whether the guard has the match already, held or delivered. */
    boolean knows(Connection connection, String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM face_match_held WHERE id = ?"
                + " UNION ALL SELECT id FROM face_match_delivered WHERE id = ?")) {
            query.setString(1, id);
            query.setString(2, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    // --- delivered matches -----------------------------------------------------------------

    DeliveredMatch deliver(Connection connection, FaceMatch match, String authorisationId, String agency,
            Instant deliveredAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO face_match_delivered ("
                + MATCH_COLUMNS + ", authorisation_id, agency, state, delivered_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                new String[] {"sequence"})) {
            setMatch(insert, match);
            insert.setString(7, authorisationId);
            insert.setString(8, agency);
            insert.setString(9, MatchState.PENDING_VERIFICATION.name());
            insert.setObject(10, Database.timestamp(deliveredAt));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new DeliveredMatch(keys.getLong(1), stored(match), authorisationId, agency,
                        MatchState.PENDING_VERIFICATION, Database.stored(deliveredAt), List.of());
            }
        }
    }

    Optional<DeliveredMatch> delivered(Connection connection, String agency, String id) throws SQLException {
        List<DeliveredMatch> found = delivered(connection, " WHERE agency = ? AND id = ?", List.of(agency, id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<DeliveredMatch> delivered(Connection connection, String agency, MatchQuery query) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE agency = ?");
        List<Object> values = new ArrayList<>();
        values.add(agency);
        if (query.state() != null) {
            where.append(" AND state = ?");
            values.add(query.state().name());
        }
        if (query.since() != null) {
            where.append(" AND delivered_at >= ?");
            values.add(Database.timestamp(query.since()));
        }
        if (query.beforeSequence() > 0) {
            where.append(" AND sequence < ?");
            values.add(query.beforeSequence());
        }
        where.append(" ORDER BY sequence DESC FETCH FIRST ? ROWS ONLY");
        values.add(query.limit());
        return delivered(connection, where.toString(), values);
    }

    /** The ids of the matches delivered under an authorisation. */
    List<String> deliveredUnder(Connection connection, String authorisationId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM face_match_delivered WHERE authorisation_id = ? ORDER BY sequence")) {
            query.setString(1, authorisationId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    int confirmationsUnder(Connection connection, String authorisationId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM face_match_confirmation c"
                + " JOIN face_match_delivered d ON d.sequence = c.match_sequence WHERE d.authorisation_id = ?")) {
            query.setString(1, authorisationId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Deletes what was delivered under an authorisation, confirmations first. */
    int deleteDeliveredUnder(Connection connection, String authorisationId) throws SQLException {
        try (PreparedStatement confirmations = connection.prepareStatement("DELETE FROM face_match_confirmation"
                + " WHERE match_sequence IN (SELECT sequence FROM face_match_delivered WHERE authorisation_id = ?)")) {
            confirmations.setString(1, authorisationId);
            confirmations.executeUpdate();
        }
        try (PreparedStatement matches = connection.prepareStatement(
                "DELETE FROM face_match_delivered WHERE authorisation_id = ?")) {
            matches.setString(1, authorisationId);
            return matches.executeUpdate();
        }
    }

    /** Adds a person's confirmation; {@code false} when that person confirmed the match already. */
    boolean confirm(Connection connection, long sequence, String person, String agency, Instant at)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM face_match_confirmation WHERE match_sequence = ? AND person = ?")) {
            query.setLong(1, sequence);
            query.setString(2, person);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        // the primary key refuses a second one should two confirmations by the same person race
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO face_match_confirmation"
                + " (match_sequence, person, agency, confirmed_at) VALUES (?,?,?,?)")) {
            insert.setLong(1, sequence);
            insert.setString(2, person);
            insert.setString(3, agency);
            insert.setObject(4, Database.timestamp(at));
            return insert.executeUpdate() == 1;
        }
    }

    void state(Connection connection, long sequence, MatchState state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE face_match_delivered SET state = ? WHERE sequence = ?")) {
            update.setString(1, state.name());
            update.setLong(2, sequence);
            update.executeUpdate();
        }
    }

    private List<DeliveredMatch> delivered(Connection connection, String where, List<Object> values)
            throws SQLException {
        List<DeliveredMatch> matches = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + DELIVERED_COLUMNS
                + " FROM face_match_delivered" + where)) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    matches.add(new DeliveredMatch(rows.getLong("sequence"), match(rows),
                            rows.getString("authorisation_id"), rows.getString("agency"),
                            MatchState.valueOf(rows.getString("state")), instant(rows, "delivered_at"), List.of()));
                }
            }
        }
        if (matches.isEmpty()) {
            return matches;
        }
        Map<Long, List<Confirmation>> confirmations = confirmations(connection,
                matches.stream().map(DeliveredMatch::sequence).toList());
        List<DeliveredMatch> complete = new ArrayList<>(matches.size());
        for (DeliveredMatch m : matches) {
            complete.add(new DeliveredMatch(m.sequence(), m.match(), m.authorisationId(), m.agency(), m.state(),
                    m.deliveredAt(), confirmations.getOrDefault(m.sequence(), List.of())));
        }
        return complete;
    }

    private static Map<Long, List<Confirmation>> confirmations(Connection connection, List<Long> sequences)
            throws SQLException {
        Map<Long, List<Confirmation>> confirmations = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT match_sequence, person, agency,"
                + " confirmed_at FROM face_match_confirmation WHERE match_sequence IN ("
                + placeholders(sequences.size()) + ") ORDER BY confirmed_at, person")) {
            for (int i = 0; i < sequences.size(); i++) {
                query.setLong(i + 1, sequences.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    confirmations.computeIfAbsent(rows.getLong(1), sequence -> new ArrayList<>())
                            .add(new Confirmation(rows.getString(2), rows.getString(3), instant(rows, "confirmed_at")));
                }
            }
        }
        return confirmations;
    }

    // --- shared ------------------------------------------------------------------------------

    private static int deleteByIds(Connection connection, String table, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id IN ("
                + placeholders(ids.size()) + ")")) {
            int i = 1;
            for (String id : ids) {
                delete.setString(i++, id);
            }
            return delete.executeUpdate();
        }
    }

    private static void setMatch(PreparedStatement statement, FaceMatch match) throws SQLException {
        statement.setString(1, match.id());
        statement.setString(2, match.cameraId());
        statement.setObject(3, Database.timestamp(match.capturedAt()));
        statement.setString(4, match.watchlistEntryId());
        statement.setDouble(5, match.similarity());
        statement.setString(6, match.imageRef());
    }

    private static FaceMatch match(ResultSet rows) throws SQLException {
        return new FaceMatch(rows.getString("id"), rows.getString("camera_id"), instant(rows, "captured_at"),
                rows.getString("watchlist_entry_id"), rows.getDouble("similarity"), rows.getString("image_ref"));
    }

    /** The match as the database gives it back. */
    static FaceMatch stored(FaceMatch match) {
        return new FaceMatch(match.id(), match.cameraId(), Database.stored(match.capturedAt()),
                match.watchlistEntryId(), match.similarity(), match.imageRef());
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        return Database.instant(rows.getObject(column, OffsetDateTime.class));
    }

    private static String placeholders(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }
}
