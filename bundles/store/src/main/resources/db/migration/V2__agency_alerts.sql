-- Atalaya schema, version 2: the alerts each agency received, numbered for resumable streams.
-- Portable between H2 2.x and PostgreSQL 12+.

-- One row per agency. Saving an alert locks its agency's row until the commit, so an agency's
-- alerts commit in the order of their numbers: a stream that resumes after number n never
-- misses an alert committed later with a lower number.
CREATE TABLE alert_agency (
    agency VARCHAR(64) PRIMARY KEY
);

CREATE TABLE agency_alert (
    sequence        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency          VARCHAR(64)  NOT NULL REFERENCES alert_agency (agency),
    alert_id        VARCHAR(128) NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    priority        SMALLINT     NOT NULL CHECK (priority BETWEEN 0 AND 100),
    plate           VARCHAR(11),
    camera_id       VARCHAR(64),
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    body            TEXT         NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    acknowledged_by VARCHAR(128),
    CONSTRAINT agency_alert_id UNIQUE (agency, alert_id)
);

-- The stream (after a number) and the unfiltered list (newest first, before a number).
CREATE INDEX agency_alert_sequence ON agency_alert (agency, sequence);
-- The list's filters, each ending in sequence where the list can read the index in order.
CREATE INDEX agency_alert_kind ON agency_alert (agency, kind, sequence);
CREATE INDEX agency_alert_plate ON agency_alert (agency, plate, sequence);
CREATE INDEX agency_alert_camera ON agency_alert (agency, camera_id, sequence);
CREATE INDEX agency_alert_acknowledged ON agency_alert (agency, acknowledged_at, sequence);
CREATE INDEX agency_alert_priority ON agency_alert (agency, priority);
CREATE INDEX agency_alert_raised ON agency_alert (agency, raised_at);
