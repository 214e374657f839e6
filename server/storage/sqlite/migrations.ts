/**
 * Schema migrations, applied in order at start-up; PRAGMA user_version records how far we got.
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: the whole first schema */ `
  CREATE TABLE estates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,              -- JSON LocalText
    time_zone TEXT NOT NULL,
    households INTEGER NOT NULL DEFAULT 0,
    policy TEXT                      -- JSON DeadlinePolicy, NULL = defaults
  ) STRICT;

  CREATE TABLE buildings (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates(id),
    name TEXT NOT NULL
  ) STRICT;

  CREATE TABLE locations (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates(id),
    building_id TEXT REFERENCES buildings(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    schedule TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    kiosk_secret TEXT NOT NULL
  ) STRICT;
  CREATE INDEX locations_estate ON locations(estate_id);

  CREATE TABLE templates (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,              -- JSON ChecklistTemplate, immutable once written
    created_at INTEGER NOT NULL,
    PRIMARY KEY (estate_id, id, version)
  ) STRICT;

  CREATE TABLE departments (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates(id),
    name TEXT NOT NULL,
    categories TEXT NOT NULL
  ) STRICT;

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users(id),
    estate_id TEXT NOT NULL REFERENCES estates(id),
    role TEXT NOT NULL,
    department_id TEXT REFERENCES departments(id),
    PRIMARY KEY (user_id, estate_id)
  ) STRICT;

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE inspections (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL,
    location_id TEXT NOT NULL REFERENCES locations(id),
    inspector_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    confirmed_by TEXT NOT NULL,
    answers TEXT NOT NULL,
    failed_count INTEGER NOT NULL,
    received_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX inspections_estate_time ON inspections(estate_id, finished_at);
  CREATE INDEX inspections_location_time ON inspections(location_id, finished_at);

  CREATE TABLE photos (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    stored_size INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    received_at INTEGER NOT NULL
  ) STRICT;

  -- Which record refers to which photo; a photo may arrive before or after its record.
  CREATE TABLE record_photos (
    record_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (record_id, sha256)
  ) STRICT;
  CREATE INDEX record_photos_sha ON record_photos(sha256);

  CREATE TABLE issues (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates(id),
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
    deadline INTEGER NOT NULL,
    manual_level INTEGER NOT NULL DEFAULT 0,
    reopen_count INTEGER NOT NULL DEFAULT 0,
    me_too INTEGER NOT NULL DEFAULT 0,
    duplicate_of TEXT,
    created_at INTEGER NOT NULL,
    rectified_at INTEGER,
    closed_at INTEGER,
    after_photos TEXT NOT NULL DEFAULT '[]',
    origin_id TEXT,
    owner_contact TEXT,
    rating INTEGER,
    rating_comment TEXT,
    is_open INTEGER GENERATED ALWAYS AS (status IN ('reported', 'assigned', 'rectified', 'reopened')) VIRTUAL,
    awaiting INTEGER GENERATED ALWAYS AS (status IN ('reported', 'assigned', 'reopened')) VIRTUAL
  ) STRICT;
  CREATE INDEX issues_awaiting_deadline ON issues(estate_id, awaiting, deadline);
  CREATE INDEX issues_estate_created ON issues(estate_id, created_at);
  CREATE INDEX issues_location_open ON issues(location_id, is_open);
  CREATE INDEX issues_department ON issues(department_id, is_open, deadline);

  CREATE TABLE issue_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    issue_id TEXT NOT NULL REFERENCES issues(id),
    type TEXT NOT NULL,
    actor TEXT NOT NULL,
    at INTEGER NOT NULL,
    data TEXT NOT NULL
  ) STRICT;
  CREATE INDEX issue_events_issue ON issue_events(issue_id, seq);
  CREATE TRIGGER issue_events_no_update BEFORE UPDATE ON issue_events
    BEGIN SELECT RAISE(ABORT, 'issue history is append-only'); END;
  CREATE TRIGGER issue_events_no_delete BEFORE DELETE ON issue_events
    BEGIN SELECT RAISE(ABORT, 'issue history is append-only'); END;

  -- Owners follow their report through a private link; only the token's hash is kept.
  CREATE TABLE tracking_tokens (
    token_hash TEXT PRIMARY KEY,
    issue_id TEXT NOT NULL REFERENCES issues(id),
    created_at INTEGER NOT NULL
  ) STRICT;

  -- Idempotency: one row per device-generated UUID, holding the body hash and the receipt given.
  CREATE TABLE receipts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    receipt TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE scoring_sheets (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (estate_id, id, version)
  ) STRICT;

  CREATE TABLE monthly_inspections (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates(id),
    month TEXT NOT NULL,
    sheet_id TEXT NOT NULL,
    sheet_version INTEGER NOT NULL,
    inspected_on TEXT NOT NULL,
    inspector_id TEXT NOT NULL,
    deductions TEXT NOT NULL,
    sections TEXT NOT NULL,
    total REAL NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX monthly_estate_month ON monthly_inspections(estate_id, month);

  CREATE TABLE surveys (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (estate_id, id)
  ) STRICT;

  CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates(id),
    survey_id TEXT NOT NULL,
    name TEXT NOT NULL,
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    sample_target REAL NOT NULL,
    code TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE survey_responses (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    household TEXT NOT NULL COLLATE NOCASE,
    channel TEXT NOT NULL,
    answers TEXT NOT NULL,
    comment TEXT NOT NULL,
    entered_by TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (campaign_id, household)
  ) STRICT;

  CREATE TABLE kiosk_ratings (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL,
    location_id TEXT NOT NULL REFERENCES locations(id),
    face INTEGER NOT NULL,
    reason TEXT NOT NULL,
    category TEXT,
    issue_id TEXT,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX kiosk_ratings_estate ON kiosk_ratings(estate_id, created_at);
  `,
  /* 2: owner reports waiting for acceptance, found without scanning every issue */ `
  CREATE INDEX issues_to_accept ON issues(estate_id, created_at) WHERE status = 'reported' AND verified = 0;
  `,
  /* 3: training, drills and community activities, one table with a kind */ `
  CREATE TABLE plan_records (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX plan_records_estate ON plan_records(estate_id, kind, date);
  `,
  /* 4: figures judged by what was in force then. A location's versions (created, schedule changed,
        deactivated) with the instant each took effect; the first fix and the deadline it was judged by,
        which a reopen no longer overwrites. */ `
  CREATE TABLE location_versions (
    estate_id TEXT NOT NULL,
    location_id TEXT NOT NULL REFERENCES locations(id),
    since INTEGER NOT NULL,
    active INTEGER NOT NULL,
    kind TEXT NOT NULL,
    schedule TEXT,
    PRIMARY KEY (estate_id, location_id, since)
  ) STRICT;
  -- What existed before this migration has no known history: it counts as always in force.
  INSERT INTO location_versions (estate_id, location_id, since, active, kind, schedule)
    SELECT estate_id, id, 0, active, kind, schedule FROM locations;

  ALTER TABLE issues ADD COLUMN first_rectified_at INTEGER;
  ALTER TABLE issues ADD COLUMN first_deadline INTEGER;
  UPDATE issues SET first_rectified_at = (SELECT min(at) FROM issue_events e WHERE e.issue_id = issues.id AND e.type = 'rectify');
  UPDATE issues SET first_deadline = coalesce(
      (SELECT json_extract(e.data, '$.deadline') FROM issue_events e
        WHERE e.issue_id = issues.id AND e.type = 'assign' AND e.at <= issues.first_rectified_at ORDER BY e.at DESC LIMIT 1),
      deadline)
    WHERE first_rectified_at IS NOT NULL;
  CREATE INDEX issues_kpi ON issues(estate_id, coalesce(first_deadline, deadline)) WHERE department_id IS NOT NULL;
  `,
  /* 5: the public surface. Photos are seen through the records that rightly cite them; a "me too" follows,
        only the reporter acts; sessions can be listed, idle out and be revoked; users can be disabled;
        reports from a flooded address or location wait for review. */ `
  -- Who sent each photo's bytes. A record's citation counts only if its author sent them too.
  CREATE TABLE photo_uploads (
    sha256 TEXT NOT NULL,
    uploader TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (sha256, uploader)
  ) STRICT;
  -- NULL: cited before authors were recorded, trusted as before.
  ALTER TABLE record_photos ADD COLUMN author TEXT;

  -- The reporter confirms, reopens and rates; a follower ("me too") sees the public status.
  ALTER TABLE tracking_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'reporter';
  UPDATE tracking_tokens SET role = 'follower'
    WHERE issue_id IN (SELECT id FROM issues WHERE source <> 'owner')
       OR created_at > (SELECT min(t.created_at) FROM tracking_tokens t WHERE t.issue_id = tracking_tokens.issue_id);

  ALTER TABLE sessions ADD COLUMN id TEXT;
  UPDATE sessions SET id = lower(hex(randomblob(8)));
  CREATE UNIQUE INDEX sessions_id ON sessions(id);
  CREATE INDEX sessions_user ON sessions(user_id);
  ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
  UPDATE sessions SET last_seen_at = created_at;
  ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';

  ALTER TABLE users ADD COLUMN disabled_at INTEGER;

  ALTER TABLE issues ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
  -- Counted on every supervisor's poll: only the few held rows are in it.
  CREATE INDEX issues_held ON issues(estate_id) WHERE held = 1;
  `,
  /* 6: a phone's own times kept beside the server's (started_at/finished_at are on the server's clock). */ `
  ALTER TABLE inspections ADD COLUMN device_started_at INTEGER;
  ALTER TABLE inspections ADD COLUMN device_finished_at INTEGER;
  `,
  /* 7: one SQL text for both engines: usernames are found by lower(username), as PostgreSQL indexes them. */ `
  CREATE INDEX users_username_lower ON users(lower(username));
  `,
  /* 8: a patrol board catches up (PostgreSQL's migration 2 has the same): the estate's revision, bumped with every
        change to what it owes, and an estate's inspections in commit (rowid) order. And every estate's row names
        its estate. */ `
  ALTER TABLE estates ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX inspections_estate_seq ON inspections(estate_id);

  -- Every estate's row names its estate, as in PostgreSQL (ready to be split by estate). Users, sessions and
  -- the content-addressed photos belong to no one estate.
  ALTER TABLE issue_events ADD COLUMN estate_id TEXT;
  UPDATE issue_events SET estate_id = (SELECT estate_id FROM issues WHERE id = issue_events.issue_id);
  ALTER TABLE tracking_tokens ADD COLUMN estate_id TEXT;
  UPDATE tracking_tokens SET estate_id = (SELECT estate_id FROM issues WHERE id = tracking_tokens.issue_id);
  ALTER TABLE record_photos ADD COLUMN estate_id TEXT;
  UPDATE record_photos SET estate_id = coalesce(
    (SELECT estate_id FROM inspections WHERE id = record_photos.record_id), (SELECT estate_id FROM issues WHERE id = record_photos.record_id));
  ALTER TABLE survey_responses ADD COLUMN estate_id TEXT;
  UPDATE survey_responses SET estate_id = (SELECT estate_id FROM campaigns WHERE id = survey_responses.campaign_id);
  ALTER TABLE receipts ADD COLUMN estate_id TEXT;
  UPDATE receipts SET estate_id = coalesce(
    (SELECT estate_id FROM inspections WHERE id = receipts.id),
    (SELECT estate_id FROM monthly_inspections WHERE id = receipts.id),
    (SELECT estate_id FROM kiosk_ratings WHERE id = receipts.id),
    (SELECT estate_id FROM plan_records WHERE id = receipts.id),
    (SELECT c.estate_id FROM survey_responses r JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = receipts.id),
    (SELECT estate_id FROM issues WHERE id = json_extract(receipts.receipt, '$.issueId')));
  `,
  /* 9: dispatch (PostgreSQL's migration 3 has the same): an estate's routing rules, and the findings waiting for one. */ `
  ALTER TABLE estates ADD COLUMN routing TEXT;
  CREATE INDEX issues_to_dispatch ON issues(estate_id, created_at) WHERE status = 'reported' AND verified = 1 AND held = 0;
  `,
  /* 10: notifications (PostgreSQL's migration 4 has the same): channels and the delivery outbox. */ `
  CREATE TABLE channels (
    estate_id TEXT NOT NULL REFERENCES estates(id),
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    audience TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    removed_at INTEGER
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
    next_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    last_error TEXT,
    UNIQUE (channel_id, dedupe)
  );
  CREATE INDEX deliveries_due ON deliveries(next_at) WHERE state = 'pending';
  CREATE INDEX deliveries_estate ON deliveries(estate_id, created_at);
  CREATE INDEX deliveries_channel_sent ON deliveries(channel_id, sent_at);
  `,
  /* 11: assignment to a person (PostgreSQL's migration 5 has the same): the person who owns a job, and each department's lead (部门负责人). */ `
  ALTER TABLE issues ADD COLUMN assignee_id TEXT;
  CREATE INDEX issues_assignee ON issues(estate_id, assignee_id) WHERE assignee_id IS NOT NULL;
  ALTER TABLE memberships ADD COLUMN lead INTEGER NOT NULL DEFAULT 0;
  -- What owners said was not fixed lately, for the supervisors' alerts.
  CREATE INDEX issue_events_kind ON issue_events(estate_id, type, at);
  `,
  /* 12: a real customer's first start (PostgreSQL's migration 6 has the same): the organisation, one-time setup and invitation links,
     the estate's address and service phone, archiving, and the audit log. */ `
  ALTER TABLE estates ADD COLUMN address TEXT NOT NULL DEFAULT '';
  ALTER TABLE estates ADD COLUMN service_phone TEXT NOT NULL DEFAULT '';
  -- An archived estate keeps its history, read-only; the locations it stopped are listed so a restore starts them again.
  ALTER TABLE estates ADD COLUMN archived_at INTEGER;
  ALTER TABLE estates ADD COLUMN archived_locations TEXT;
  -- When a location's QR label was last printed, for the getting-started checklist.
  ALTER TABLE locations ADD COLUMN label_printed_at INTEGER;
  CREATE TABLE organisation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    logo TEXT,
    created_at INTEGER NOT NULL
  );
  -- Only a token's hash is kept; a link is used once.
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    user_id TEXT,
    estate_id TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    used_at INTEGER
  );
  CREATE INDEX invitations_user ON invitations(user_id);
  -- Every administrative change, written in the transaction of the change itself.
  CREATE TABLE audit_log (
    -- The order changes were made in, even within one instant.
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    estate_id TEXT NOT NULL,
    at INTEGER NOT NULL,
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
  ALTER TABLE issues ADD COLUMN redacted_at INTEGER;
  CREATE INDEX issues_to_redact ON issues(estate_id, closed_at) WHERE redacted_at IS NULL AND closed_at IS NOT NULL;
  DROP TRIGGER issue_events_no_update;
  CREATE TRIGGER issue_events_no_update BEFORE UPDATE ON issue_events
    WHEN NOT (OLD.type IN ('ownerNotFixed', 'rated') AND NEW.seq = OLD.seq AND NEW.issue_id = OLD.issue_id AND NEW.estate_id IS OLD.estate_id
      AND NEW.type = OLD.type
      AND NEW.actor = OLD.actor AND NEW.at = OLD.at AND json_extract(NEW.data, '$.redacted') = 1
      AND json_remove(NEW.data, '$.reason', '$.comment', '$.redacted') = json_remove(OLD.data, '$.reason', '$.comment')
      AND coalesce(json_extract(NEW.data, '$.reason'), '') = '' AND coalesce(json_extract(NEW.data, '$.comment'), '') = '')
    BEGIN SELECT RAISE(ABORT, 'issue history is append-only'); END;
  `,
  /* 13: group roles and the group's template library (PostgreSQL's migration 7 is the same): a group administrator, a group quality manager, a regional manager and
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
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (kind, id, version)
  );
  -- A replaced QR code still tells an owner whom to call: its estate is found from the change's record.
  CREATE INDEX audit_log_replaced_codes ON audit_log(before) WHERE action = 'location.revokeCode';
  -- The short code a person types from a label is the code's first ten characters.
  CREATE INDEX locations_short_code ON locations(substr(code, 1, 10));
  `,
  /* 14: the service desk's log (PostgreSQL's migration 8 is the same): each owner visit or call, when they were
     answered, whether it was settled there, and the issue it became. */ `
  CREATE TABLE desk_entries (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    location_id TEXT NOT NULL REFERENCES locations(id),
    staff_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    channel TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    answered_at INTEGER NOT NULL,
    resolved INTEGER NOT NULL,
    summary TEXT NOT NULL,
    household TEXT NOT NULL,
    category TEXT NOT NULL,
    issue_id TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (estate_id, id)
  );
  CREATE INDEX desk_entries_received ON desk_entries(estate_id, received_at);
  `,
  /* 15: the quarterly review's improvement measures (PostgreSQL's migration 9 is the same), each with its target figure, owner and due date. */ `
  CREATE TABLE review_measures (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    quarter TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    done_at INTEGER,
    PRIMARY KEY (estate_id, id)
  );
  CREATE INDEX review_measures_quarter ON review_measures(estate_id, quarter);
  `,
  /* 16: guard patrol routes and their rounds (PostgreSQL's migration 10 is the same): a round keeps its scans and how it was judged. */ `
  CREATE TABLE patrol_routes (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (estate_id, id)
  );
  CREATE TABLE route_rounds (
    estate_id TEXT NOT NULL,
    id TEXT NOT NULL,
    route_id TEXT NOT NULL,
    guard_id TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    complete INTEGER NOT NULL,
    skipped TEXT NOT NULL,
    flags TEXT NOT NULL,
    scans TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (estate_id, id)
  );
  CREATE INDEX route_rounds_started ON route_rounds(estate_id, started_at);
  `,
  /* 17: video clips (PostgreSQL's migration 11 is the same). A stored file's type, and a clip's parts while it is being
     uploaded, by who sends them; the parts are joined, checked against the hash and removed once the last arrives. */ `
  ALTER TABLE photos ADD COLUMN media_type TEXT NOT NULL DEFAULT 'image/jpeg';
  CREATE TABLE upload_parts (
    uploader TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    first_byte INTEGER NOT NULL,
    total INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (uploader, sha256, first_byte)
  );
  CREATE INDEX upload_parts_at ON upload_parts(at);
  `,
  /* 18: the supervisors' alerts count new urgent problems on every poll (PostgreSQL's migration 12 is the same):
     without walking every issue created that day. Partial, as the other lists' are: an index that leads with the
     estate alone and covers every issue is what SQLite's planner picks for their counts, and walks all of them. */ `
  CREATE INDEX issues_urgent_open ON issues(estate_id, created_at) WHERE severity = 'urgent' AND is_open = 1;
  `,
];
