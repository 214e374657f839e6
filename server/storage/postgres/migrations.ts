/**
 * PostgreSQL's own schema, the same tables and columns as SQLite's (storage/sqlite/migrations.ts), so the
 * one SQL text in repos/ runs on both. Applied at start-up under an advisory lock: several servers starting
 * together migrate once. Never edit a migration that has shipped: add the next one.
 *
 * Every estate's table leads with estate_id, ready to be distributed by estate (Citus-style); rows made by the
 * estate's records (history, photo citations, receipts, tracking links, survey answers) take it from their record.
 * Users, their sessions and the content-addressed photos belong to no one estate: they would be reference tables.
 */
export const PG_MIGRATIONS: readonly string[] = [
  /* 1: the schema of SQLite's migrations 1–7, written once for PostgreSQL */ `
  CREATE TABLE estates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    households INTEGER NOT NULL DEFAULT 0,
    policy TEXT
  );

  CREATE TABLE buildings (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
  );

  CREATE TABLE locations (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    id TEXT PRIMARY KEY,
    building_id TEXT REFERENCES buildings(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    schedule TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    kiosk_secret TEXT NOT NULL
  );
  CREATE INDEX locations_estate ON locations(estate_id);

  CREATE TABLE location_versions (
    estate_id TEXT NOT NULL,
    location_id TEXT NOT NULL REFERENCES locations(id),
    since BIGINT NOT NULL,
    active INTEGER NOT NULL,
    kind TEXT NOT NULL,
    schedule TEXT,
    PRIMARY KEY (estate_id, location_id, since)
  );

  CREATE TABLE templates (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (estate_id, id, version)
  );

  CREATE TABLE departments (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    categories TEXT NOT NULL
  );

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
  );
  CREATE UNIQUE INDEX users_username_lower ON users(lower(username));

  CREATE TABLE memberships (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    department_id TEXT REFERENCES departments(id),
    PRIMARY KEY (user_id, estate_id)
  );
  CREATE INDEX memberships_estate ON memberships(estate_id);

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    user_agent TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX sessions_user ON sessions(user_id);

  CREATE TABLE inspections (
    estate_id TEXT NOT NULL,
    id TEXT PRIMARY KEY,
    location_id TEXT NOT NULL REFERENCES locations(id),
    inspector_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    confirmed_by TEXT NOT NULL,
    answers TEXT NOT NULL,
    failed_count INTEGER NOT NULL,
    received_at BIGINT NOT NULL,
    device_started_at BIGINT,
    device_finished_at BIGINT
  );
  CREATE INDEX inspections_estate_time ON inspections(estate_id, finished_at);
  CREATE INDEX inspections_location_time ON inspections(location_id, finished_at);

  CREATE TABLE photos (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    stored_size INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    received_at BIGINT NOT NULL
  );

  CREATE TABLE record_photos (
    estate_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    author TEXT,
    PRIMARY KEY (record_id, sha256)
  );
  CREATE INDEX record_photos_sha ON record_photos(sha256);

  CREATE TABLE photo_uploads (
    sha256 TEXT NOT NULL,
    uploader TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (sha256, uploader)
  );

  CREATE TABLE issues (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    id TEXT PRIMARY KEY,
    location_id TEXT REFERENCES locations(id),
    source TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    description TEXT NOT NULL,
    cause TEXT,
    photos TEXT NOT NULL,
    status TEXT NOT NULL,
    verified INTEGER NOT NULL,
    department_id TEXT,
    requirement TEXT,
    deadline BIGINT NOT NULL,
    manual_level INTEGER NOT NULL DEFAULT 0,
    reopen_count INTEGER NOT NULL DEFAULT 0,
    me_too INTEGER NOT NULL DEFAULT 0,
    duplicate_of TEXT,
    created_at BIGINT NOT NULL,
    rectified_at BIGINT,
    closed_at BIGINT,
    after_photos TEXT NOT NULL DEFAULT '[]',
    origin_id TEXT,
    owner_contact TEXT,
    rating INTEGER,
    rating_comment TEXT,
    first_rectified_at BIGINT,
    first_deadline BIGINT,
    held INTEGER NOT NULL DEFAULT 0,
    is_open INTEGER GENERATED ALWAYS AS (CASE WHEN status IN ('reported', 'assigned', 'rectified', 'reopened') THEN 1 ELSE 0 END) STORED,
    awaiting INTEGER GENERATED ALWAYS AS (CASE WHEN status IN ('reported', 'assigned', 'reopened') THEN 1 ELSE 0 END) STORED
  );
  CREATE INDEX issues_awaiting_deadline ON issues(estate_id, awaiting, deadline);
  CREATE INDEX issues_estate_created ON issues(estate_id, created_at);
  CREATE INDEX issues_location_open ON issues(location_id, is_open);
  CREATE INDEX issues_department ON issues(department_id, is_open, deadline);
  CREATE INDEX issues_to_accept ON issues(estate_id, created_at) WHERE status = 'reported' AND verified = 0;
  CREATE INDEX issues_kpi ON issues(estate_id, (coalesce(first_deadline, deadline))) WHERE department_id IS NOT NULL;
  CREATE INDEX issues_held ON issues(estate_id) WHERE held = 1;

  CREATE TABLE issue_events (
    estate_id TEXT NOT NULL,
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issue_id TEXT NOT NULL REFERENCES issues(id),
    type TEXT NOT NULL,
    actor TEXT NOT NULL,
    at BIGINT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX issue_events_issue ON issue_events(issue_id, seq);
  CREATE FUNCTION issue_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'issue history is append-only'; END $$;
  CREATE TRIGGER issue_events_no_change BEFORE UPDATE OR DELETE ON issue_events
    FOR EACH ROW EXECUTE FUNCTION issue_history_is_append_only();

  CREATE TABLE tracking_tokens (
    estate_id TEXT NOT NULL,
    token_hash TEXT PRIMARY KEY,
    issue_id TEXT NOT NULL REFERENCES issues(id),
    created_at BIGINT NOT NULL,
    role TEXT NOT NULL DEFAULT 'reporter'
  );

  CREATE TABLE receipts (
    estate_id TEXT NOT NULL,
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    receipt TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );

  CREATE TABLE scoring_sheets (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (estate_id, id, version)
  );

  CREATE TABLE monthly_inspections (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    id TEXT PRIMARY KEY,
    month TEXT NOT NULL,
    sheet_id TEXT NOT NULL,
    sheet_version INTEGER NOT NULL,
    inspected_on TEXT NOT NULL,
    inspector_id TEXT NOT NULL,
    deductions TEXT NOT NULL,
    sections TEXT NOT NULL,
    total DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX monthly_estate_month ON monthly_inspections(estate_id, month);

  CREATE TABLE surveys (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (estate_id, id)
  );

  CREATE TABLE campaigns (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    id TEXT PRIMARY KEY,
    survey_id TEXT NOT NULL,
    name TEXT NOT NULL,
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    sample_target DOUBLE PRECISION NOT NULL,
    code TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
  );

  CREATE TABLE survey_responses (
    estate_id TEXT NOT NULL,
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    household TEXT NOT NULL,
    channel TEXT NOT NULL,
    answers TEXT NOT NULL,
    comment TEXT NOT NULL,
    entered_by TEXT,
    created_at BIGINT NOT NULL
  );
  CREATE UNIQUE INDEX survey_responses_household ON survey_responses(campaign_id, lower(household));

  CREATE TABLE kiosk_ratings (
    estate_id TEXT NOT NULL,
    id TEXT PRIMARY KEY,
    location_id TEXT NOT NULL REFERENCES locations(id),
    face INTEGER NOT NULL,
    reason TEXT NOT NULL,
    category TEXT,
    issue_id TEXT,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX kiosk_ratings_estate ON kiosk_ratings(estate_id, created_at);

  CREATE TABLE plan_records (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX plan_records_estate ON plan_records(estate_id, kind, date);
  `,
  /* 2: several servers on one database. The estate's revision (bumped with every change to what it owes) and
        the inspections in commit order let each server's patrol board catch up; photos, the server secret and the
        rate counters live here so every server sees the same. */ `
  ALTER TABLE estates ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
  -- The transaction that wrote each inspection: commit order for catching up (storage/postgres/index.ts).
  ALTER TABLE inspections ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
  CREATE INDEX inspections_estate_xid ON inspections(estate_id, xid);

  CREATE TABLE photo_blobs (
    sha256 TEXT PRIMARY KEY,
    bytes BYTEA NOT NULL
  );

  CREATE TABLE server_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  -- Counters for rate limits and wrong passwords: lost in a crash, which costs nothing, so no WAL.
  CREATE UNLOGGED TABLE counters (
    key TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    started_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL
  );
  CREATE INDEX counters_last ON counters(last_at);
  `,
  /* 3: dispatch: an estate's routing rules, and the findings waiting for one. */ `
  ALTER TABLE estates ADD COLUMN routing TEXT;
  CREATE INDEX issues_to_dispatch ON issues(estate_id, created_at) WHERE status = 'reported' AND verified = 1 AND held = 0;
  `,
  /* 4: notifications: channels and the delivery outbox. */ `
  CREATE TABLE channels (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    audience TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    removed_at BIGINT
  );
  CREATE INDEX channels_estate ON channels(estate_id);

  -- The notification outbox: written in the transaction of the event that causes it, one row per channel,
  -- at most once per (channel, what happened).
  CREATE TABLE deliveries (
    estate_id TEXT NOT NULL,
    id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL,
    dedupe TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    last_error TEXT,
    UNIQUE (channel_id, dedupe)
  );
  CREATE INDEX deliveries_due ON deliveries(next_at) WHERE state = 'pending';
  CREATE INDEX deliveries_estate ON deliveries(estate_id, created_at);
  CREATE INDEX deliveries_channel_sent ON deliveries(channel_id, sent_at);
  `,
  /* 5: assignment to a person: the person who owns a job, and each department's lead (部门负责人). */ `
  ALTER TABLE issues ADD COLUMN assignee_id TEXT;
  CREATE INDEX issues_assignee ON issues(estate_id, assignee_id) WHERE assignee_id IS NOT NULL;
  ALTER TABLE memberships ADD COLUMN lead INTEGER NOT NULL DEFAULT 0;
  -- What owners said was not fixed lately, for the supervisors' alerts.
  CREATE INDEX issue_events_kind ON issue_events(estate_id, type, at);
  `,
  /* 6: a real customer's first start: the organisation, one-time setup and invitation links,
     the estate's address and service phone, archiving, and the audit log. */ `
  ALTER TABLE estates ADD COLUMN address TEXT NOT NULL DEFAULT '';
  ALTER TABLE estates ADD COLUMN service_phone TEXT NOT NULL DEFAULT '';
  -- An archived estate keeps its history, read-only; the locations it stopped are listed so a restore starts them again.
  ALTER TABLE estates ADD COLUMN archived_at BIGINT;
  ALTER TABLE estates ADD COLUMN archived_locations TEXT;
  -- When a location's QR label was last printed, for the getting-started checklist.
  ALTER TABLE locations ADD COLUMN label_printed_at BIGINT;
  CREATE TABLE organisation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    logo TEXT,
    created_at BIGINT NOT NULL
  );
  -- Only a token's hash is kept; a link is used once.
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    user_id TEXT,
    estate_id TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    used_at BIGINT
  );
  CREATE INDEX invitations_user ON invitations(user_id);
  -- Every administrative change, written in the transaction of the change itself.
  CREATE TABLE audit_log (
    -- The order changes were made in, even within one instant.
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    estate_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    actor_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    before TEXT,
    after TEXT
  );
  CREATE INDEX audit_log_estate ON audit_log(estate_id, at);
  -- PIPL: an owner's contact and words are masked a set time after the issue closes. The history stays append-only but
  -- for that one change: an owner's "not fixed" reason or rating comment emptied, marked redacted, all else equal.
  ALTER TABLE issues ADD COLUMN redacted_at BIGINT;
  CREATE INDEX issues_to_redact ON issues(estate_id, closed_at) WHERE redacted_at IS NULL AND closed_at IS NOT NULL;
  CREATE OR REPLACE FUNCTION issue_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND OLD.type IN ('ownerNotFixed', 'rated') AND NEW.seq = OLD.seq AND NEW.issue_id = OLD.issue_id
      AND NEW.estate_id IS NOT DISTINCT FROM OLD.estate_id
      AND NEW.type = OLD.type AND NEW.actor = OLD.actor AND NEW.at = OLD.at AND (NEW.data::jsonb ->> 'redacted') = 'true'
      AND (NEW.data::jsonb - 'reason' - 'comment' - 'redacted') = (OLD.data::jsonb - 'reason' - 'comment')
      AND coalesce(NEW.data::jsonb ->> 'reason', '') = '' AND coalesce(NEW.data::jsonb ->> 'comment', '') = '' THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'issue history is append-only';
  END $$;
  `,
  /* 7: group roles and the group's template library (SQLite's migration 13 is the same): a group administrator, a group quality manager, a regional manager and
     the estates of their region. Before group roles any estate administrator could add estates; they keep that. */ `
  ALTER TABLE users ADD COLUMN group_role TEXT;
  ALTER TABLE users ADD COLUMN group_estates TEXT;
  UPDATE users SET group_role = 'groupAdmin' WHERE id IN (SELECT user_id FROM memberships WHERE role = 'admin');
  -- The group's shared checklists and score sheets, each version kept; publishing copies one into chosen estates.
  CREATE TABLE group_templates (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (kind, id, version)
  );
  -- A replaced QR code still tells an owner whom to call: its estate is found from the change's record.
  CREATE INDEX audit_log_replaced_codes ON audit_log(before) WHERE action = 'location.revokeCode';
  -- The short code a person types from a label is the code's first ten characters.
  CREATE INDEX locations_short_code ON locations((substr(code, 1, 10)));
  `,
  /* 8: the service desk's log (SQLite's migration 14 is the same): each owner visit or call, when they were
     answered, whether it was settled there, and the issue it became. */ `
  CREATE TABLE desk_entries (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    location_id TEXT NOT NULL REFERENCES locations(id),
    staff_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    channel TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    answered_at BIGINT NOT NULL,
    resolved INTEGER NOT NULL,
    summary TEXT NOT NULL,
    household TEXT NOT NULL,
    category TEXT NOT NULL,
    issue_id TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (estate_id, id)
  );
  CREATE INDEX desk_entries_received ON desk_entries(estate_id, received_at);
  `,
  /* 9: the quarterly review's improvement measures (SQLite's migration 15 is the same), each with its target figure, owner and due date. */ `
  CREATE TABLE review_measures (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    quarter TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    done_at BIGINT,
    PRIMARY KEY (estate_id, id)
  );
  CREATE INDEX review_measures_quarter ON review_measures(estate_id, quarter);
  `,
  /* 10: guard patrol routes and their rounds (SQLite's migration 16 is the same): a round keeps its scans and how it was judged. */ `
  CREATE TABLE patrol_routes (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (estate_id, id)
  );
  CREATE TABLE route_rounds (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    route_id TEXT NOT NULL,
    guard_id TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    complete INTEGER NOT NULL,
    skipped TEXT NOT NULL,
    flags TEXT NOT NULL,
    scans TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (estate_id, id)
  );
  CREATE INDEX route_rounds_started ON route_rounds(estate_id, started_at);
  `,
  /* 11: video clips (SQLite's migration 17 is the same). A stored file's type, and a clip's parts while it is being
     uploaded, by who sends them; the parts are joined, checked against the hash and removed once the last arrives. */ `
  ALTER TABLE photos ADD COLUMN media_type TEXT NOT NULL DEFAULT 'image/jpeg';
  CREATE TABLE upload_parts (
    uploader TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    first_byte BIGINT NOT NULL,
    total BIGINT NOT NULL,
    bytes BYTEA NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (uploader, sha256, first_byte)
  );
  CREATE INDEX upload_parts_at ON upload_parts(at);
  `,
  /* 12: the supervisors' alerts read these on every poll. Overdue work is counted from the index alone, and new urgent
     problems are found without walking every issue created that day (SQLite's migration 18 adds the second; its
     generated columns are virtual, so no index of it can cover the first). */ `
  DROP INDEX issues_awaiting_deadline;
  CREATE INDEX issues_awaiting ON issues(estate_id, deadline) INCLUDE (severity, manual_level) WHERE awaiting = 1;
  CREATE INDEX issues_urgent_open ON issues(estate_id, created_at) WHERE severity = 'urgent' AND is_open = 1;
  `,
  /* 13: changes that servers keep reads of (storage/postgres/change-feed.ts). A session's own change names it; the
     rest are rare and drop everything kept of their kind. A session's "last seen" is an UPDATE of it too, so every
     server reads that session afresh after it. Not in SQLite: one process, nothing kept. */ `
  CREATE FUNCTION pqm_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('pqm_changes', TG_ARGV[0]);
    RETURN NULL;
  END $$;
  CREATE FUNCTION pqm_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('pqm_changes', 'session:' || OLD.token_hash);
    RETURN NULL;
  END $$;
  CREATE TRIGGER sessions_changed AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION pqm_session_changed();
  CREATE TRIGGER users_changed AFTER UPDATE OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION pqm_changed('identity');
  CREATE TRIGGER memberships_changed AFTER INSERT OR UPDATE OR DELETE ON memberships
    FOR EACH STATEMENT EXECUTE FUNCTION pqm_changed('identity');
  CREATE TRIGGER estates_archived AFTER UPDATE OF archived_at OR DELETE ON estates
    FOR EACH STATEMENT EXECUTE FUNCTION pqm_changed('identity');
  CREATE TRIGGER locations_changed AFTER UPDATE OR DELETE ON locations FOR EACH STATEMENT EXECUTE FUNCTION pqm_changed('locations');
  `,
];
