-- Atalaya read archive, version 2: reads keyed by their capture time, then their id.
-- Portable between H2 2.x and PostgreSQL 12+.
--
-- Version 1 keyed a read by its id alone, which cameras draw at random: every batch of reads
-- touched a page of that index per read, and a second index on captured_at kept the time order.
-- Reads come in about the order they were captured, so a key that begins with the capture time
-- grows at its end, serves the retention purge's range, and makes that second index redundant.
-- A read sent again (a camera's retry, a redelivery) has the same id and capture time: it is
-- still stored once.
--
-- The table is copied once, here: on a large archive this migration takes a while.

CREATE TABLE plate_read_by_time (
    id            VARCHAR(128)     NOT NULL,
    camera_id     VARCHAR(64)      NOT NULL,
    captured_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    plate_as_read VARCHAR(64)      NOT NULL,
    plate         VARCHAR(11)      NOT NULL,
    plate_key     VARCHAR(11)      NOT NULL,
    country       CHAR(2),
    confidence    REAL             NOT NULL,
    direction     VARCHAR(16)      NOT NULL,
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    image_ref     VARCHAR(2048),
    PRIMARY KEY (captured_at, id)
);
INSERT INTO plate_read_by_time (id, camera_id, captured_at, plate_as_read, plate, plate_key, country, confidence,
        direction, latitude, longitude, image_ref)
    SELECT id, camera_id, captured_at, plate_as_read, plate, plate_key, country, confidence, direction, latitude,
        longitude, image_ref
    FROM plate_read;
DROP TABLE plate_read;
ALTER TABLE plate_read_by_time RENAME TO plate_read;
CREATE INDEX plate_read_key ON plate_read (plate_key, captured_at);
