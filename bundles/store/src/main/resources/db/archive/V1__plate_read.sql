-- Atalaya read archive, version 1: every plate read of the retention period.
-- Portable between H2 2.x and PostgreSQL 12+. The archive is a database of its own by default
-- (etc/org.ops4j.datasource-atalaya-archive.cfg); where it shares the hub's database, whose first
-- migration created the same table, this script finds the table there and leaves it.
-- plate_key is the plate's OCR-canonical form, so a new hotlist entry finds its OCR-equivalent
-- past reads with one index range.

CREATE TABLE IF NOT EXISTS plate_read (
    id            VARCHAR(128)     PRIMARY KEY,
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
    image_ref     VARCHAR(2048)
);
CREATE INDEX IF NOT EXISTS plate_read_key ON plate_read (plate_key, captured_at);
CREATE INDEX IF NOT EXISTS plate_read_captured ON plate_read (captured_at);
