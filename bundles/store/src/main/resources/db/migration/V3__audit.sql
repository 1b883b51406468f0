-- Atalaya schema, version 3: the consultation and disclosure log (bundles/audit).
-- Portable between H2 2.x and PostgreSQL 12+.
--
-- Append-only: each record carries the SHA-256 of the record before and its own, so altering,
-- removing or reordering rows here is found by the audit bundle's verification, not prevented
-- by these tables. bundles/audit/README.md documents the hash and the seals.

-- The last record appended, in one row. An append locks it (SELECT ... FOR UPDATE) until its
-- commit, so records are numbered without gaps and each is chained to the one committed before,
-- whatever the number of threads or hub nodes appending.
CREATE TABLE audit_head (
    id       SMALLINT    PRIMARY KEY CHECK (id = 1),
    sequence BIGINT      NOT NULL,
    hash     VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, sequence, hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_record (
    sequence       BIGINT        PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    agency         VARCHAR(256),
    person         VARCHAR(1000),
    action         VARCHAR(1000) NOT NULL,
    data_class     VARCHAR(64),
    purpose        VARCHAR(1000),
    case_reference VARCHAR(256),
    outcome        VARCHAR(256)  NOT NULL,
    detail         VARCHAR(4000),
    previous_hash  VARCHAR(64)   NOT NULL,
    hash           VARCHAR(64)   NOT NULL
);
-- Verification finds where a moved record came from by the hash its successor was chained to.
CREATE INDEX audit_record_hash ON audit_record (hash);
-- The data-protection officer's searches, each ending in sequence where the search reads in order.
CREATE INDEX audit_record_agency ON audit_record (agency, sequence);
CREATE INDEX audit_record_person ON audit_record (person, sequence);
CREATE INDEX audit_record_case ON audit_record (case_reference, sequence);
CREATE INDEX audit_record_occurred ON audit_record (occurred_at);

-- The record ids each record names, in the entry's order: "who consulted this plate?" is one
-- index range.
CREATE TABLE audit_subject (
    sequence BIGINT       NOT NULL REFERENCES audit_record (sequence) ON DELETE CASCADE ON UPDATE CASCADE,
    item     INTEGER      NOT NULL,
    subject  VARCHAR(256) NOT NULL,
    PRIMARY KEY (sequence, item)
);
CREATE INDEX audit_subject_subject ON audit_subject (subject, sequence);

-- The agencies each record says received the data, in the entry's order.
CREATE TABLE audit_recipient (
    sequence  BIGINT       NOT NULL REFERENCES audit_record (sequence) ON DELETE CASCADE ON UPDATE CASCADE,
    item      INTEGER      NOT NULL,
    recipient VARCHAR(256) NOT NULL,
    PRIMARY KEY (sequence, item)
);

-- The hub's signatures (Ed25519) over the log's last sequence and hash at a time; key_id is the
-- SHA-256 of the public key that signed, so a seal made with another key says so.
CREATE TABLE audit_seal (
    sequence  BIGINT       PRIMARY KEY,
    hash      VARCHAR(64)  NOT NULL,
    sealed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    algorithm VARCHAR(32)  NOT NULL,
    key_id    VARCHAR(64)  NOT NULL,
    signature VARCHAR(256) NOT NULL
);
