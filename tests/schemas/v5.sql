-- Schema 5 exactly as Screener created it (sqlite_master, in creation order).
CREATE TABLE questionnaire_snapshot (
    hash VARCHAR NOT NULL PRIMARY KEY,
    questionnaire_id VARCHAR NOT NULL,
    version VARCHAR NOT NULL,
    snapshot_json VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL
);
CREATE TABLE interview (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    status VARCHAR NOT NULL,
    candidate_name VARCHAR NOT NULL,
    birth_date VARCHAR,
    nationality VARCHAR NOT NULL,
    case_id VARCHAR NOT NULL,
    consultant VARCHAR NOT NULL,
    interpreter_language VARCHAR NOT NULL,
    interpreter_name VARCHAR NOT NULL,
    interpreter_mode VARCHAR NOT NULL,
    place VARCHAR NOT NULL,
    municipality VARCHAR NOT NULL,
    ui_language VARCHAR NOT NULL,
    report_language VARCHAR NOT NULL,
    questionnaire_id VARCHAR NOT NULL,
    questionnaire_version VARCHAR NOT NULL,
    questionnaire_hash VARCHAR NOT NULL REFERENCES questionnaire_snapshot (hash),
    created_at VARCHAR NOT NULL,
    updated_at VARCHAR NOT NULL,
    finalized_at VARCHAR,
    exported_at VARCHAR,
    position_section VARCHAR,
    position_item VARCHAR,
    elapsed_seconds FLOAT NOT NULL,
    consent_json VARCHAR
, search_key VARCHAR NOT NULL DEFAULT '', answered_count INTEGER NOT NULL DEFAULT 0, total_count INTEGER NOT NULL DEFAULT 0, uuid VARCHAR NOT NULL DEFAULT '');
CREATE INDEX ix_interview_created ON interview (created_at);
CREATE TABLE answer (
    interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    item VARCHAR NOT NULL,
    state VARCHAR NOT NULL,
    value_json VARCHAR NOT NULL,
    other VARCHAR NOT NULL,
    updated_at VARCHAR NOT NULL,
    PRIMARY KEY (interview_id, item)
);
CREATE TABLE item_note (
    interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    item VARCHAR NOT NULL,
    note VARCHAR NOT NULL,
    flagged BOOLEAN NOT NULL,
    updated_at VARCHAR NOT NULL,
    PRIMARY KEY (interview_id, item)
);
CREATE TABLE section_time (
    interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
    section VARCHAR NOT NULL,
    seconds FLOAT NOT NULL,
    PRIMARY KEY (interview_id, section)
);
CREATE TABLE event (
    id INTEGER NOT NULL PRIMARY KEY,
    interview_id INTEGER REFERENCES interview (id) ON DELETE CASCADE,
    at VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    item VARCHAR,
    old_json VARCHAR NOT NULL,
    new_json VARCHAR NOT NULL
);
CREATE INDEX ix_event_interview ON event (interview_id, id);
CREATE INDEX ix_interview_search ON interview (search_key);
CREATE TABLE paper_text ( interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE, field VARCHAR NOT NULL, value VARCHAR NOT NULL, updated_at VARCHAR NOT NULL, PRIMARY KEY (interview_id, field));
CREATE UNIQUE INDEX ix_interview_uuid ON interview (uuid);
CREATE TRIGGER tr_interview_uuid AFTER INSERT ON interview WHEN NEW.uuid = '' BEGIN UPDATE interview SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE id = NEW.id; END;
PRAGMA user_version = 5;
