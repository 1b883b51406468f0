-- Atalaya schema, version 4: the biometric guard (bundles/biometric-guard).
-- Portable between H2 2.x and PostgreSQL 12+.
--
-- No image is ever stored: a match names its frame at the camera's vendor (image_ref).

-- Judicial authorisations of real-time remote biometric identification, and urgent requests
-- for one. Kept after a refusal or a lapse: the decision is the record; what was delivered
-- under it is purged.
CREATE TABLE face_authorisation (
    id                 VARCHAR(64)  PRIMARY KEY,
    judicial_reference VARCHAR(128) NOT NULL,
    offence_category   VARCHAR(64)  NOT NULL,
    valid_from         TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until        TIMESTAMP WITH TIME ZONE NOT NULL,
    status             VARCHAR(20)  NOT NULL
        CHECK (status IN ('REQUESTED_URGENT', 'GRANTED', 'REFUSED', 'EXPIRED')),
    requested_by       VARCHAR(128) NOT NULL,
    requesting_agency  VARCHAR(64)  NOT NULL,
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- an urgent request lapses then unless granted
    decision_due       TIMESTAMP WITH TIME ZONE,
    decided_by         VARCHAR(128),
    decided_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT face_authorisation_period CHECK (valid_until > valid_from)
);
CREATE INDEX face_authorisation_status ON face_authorisation (status, decision_due);

CREATE TABLE face_authorisation_entry (
    authorisation_id VARCHAR(64)  NOT NULL REFERENCES face_authorisation (id) ON DELETE CASCADE,
    entry_id         VARCHAR(128) NOT NULL,
    PRIMARY KEY (authorisation_id, entry_id)
);

CREATE TABLE face_authorisation_camera (
    authorisation_id VARCHAR(64) NOT NULL REFERENCES face_authorisation (id) ON DELETE CASCADE,
    camera_id        VARCHAR(64) NOT NULL,
    PRIMARY KEY (authorisation_id, camera_id)
);

-- Matches no authorisation covered when they came: kept until hold_until only, then deleted.
CREATE TABLE face_match_held (
    id                 VARCHAR(128)     PRIMARY KEY,
    camera_id          VARCHAR(64)      NOT NULL,
    captured_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    watchlist_entry_id VARCHAR(128)     NOT NULL,
    similarity         DOUBLE PRECISION NOT NULL CHECK (similarity BETWEEN 0 AND 1),
    image_ref          VARCHAR(2048)    NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    hold_until         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX face_match_held_until ON face_match_held (hold_until);

-- Matches delivered under an authorisation, numbered in the order they were delivered.
CREATE TABLE face_match_delivered (
    sequence           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                 VARCHAR(128)     NOT NULL,
    camera_id          VARCHAR(64)      NOT NULL,
    captured_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    watchlist_entry_id VARCHAR(128)     NOT NULL,
    similarity         DOUBLE PRECISION NOT NULL CHECK (similarity BETWEEN 0 AND 1),
    image_ref          VARCHAR(2048)    NOT NULL,
    authorisation_id   VARCHAR(64)      NOT NULL REFERENCES face_authorisation (id),
    agency             VARCHAR(64)      NOT NULL,
    state              VARCHAR(24)      NOT NULL CHECK (state IN ('PENDING_VERIFICATION', 'ACTIONABLE')),
    delivered_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT face_match_delivered_id UNIQUE (id)
);
CREATE INDEX face_match_delivered_agency ON face_match_delivered (agency, sequence);
CREATE INDEX face_match_delivered_authorisation ON face_match_delivered (authorisation_id);

-- Who verified a delivered match; a person confirms a match once.
CREATE TABLE face_match_confirmation (
    match_sequence BIGINT       NOT NULL REFERENCES face_match_delivered (sequence) ON DELETE CASCADE,
    person         VARCHAR(128) NOT NULL,
    agency         VARCHAR(64)  NOT NULL,
    confirmed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (match_sequence, person)
);
