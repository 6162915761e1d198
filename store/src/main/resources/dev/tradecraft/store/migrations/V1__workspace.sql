-- Version 1 of the workspace. Keys are chosen so that reading the same input again changes
-- nothing: a run is its command, configuration and inputs; a file is its name and content; a hit
-- is its rule at one position of one named file. Organisations, sightings and campaigns are
-- derived from all hits and replaced as a whole whenever hits change.

CREATE TABLE runs (
    run_id        VARCHAR PRIMARY KEY,   -- SHA-256 of command, configuration and the inputs' hashes
    command       VARCHAR NOT NULL,      -- hunt, exposure, demo
    configuration VARCHAR NOT NULL,      -- what besides the inputs decides the result (rules, CVEs)
    first_started TIMESTAMPTZ NOT NULL,
    last_finished TIMESTAMPTZ NOT NULL,
    times_run     INTEGER NOT NULL,
    files         BIGINT NOT NULL,
    events        BIGINT NOT NULL,       -- events (hunt) or scan records (exposure) read
    results       BIGINT NOT NULL        -- hits (hunt) or services kept (exposure) found
);

CREATE TABLE files (
    name          VARCHAR NOT NULL,      -- as evidence names it, e.g. contoso/web01/u_ex250718.log
    sha256        VARCHAR NOT NULL,
    bytes         BIGINT NOT NULL,
    kind          VARCHAR NOT NULL,      -- log or scan
    organisation  VARCHAR NOT NULL,      -- empty for scan files
    host          VARCHAR NOT NULL,
    format        VARCHAR NOT NULL,      -- empty when skipped
    events        BIGINT NOT NULL,
    skipped_units BIGINT NOT NULL,
    skip_reason   VARCHAR NOT NULL,      -- empty when read
    first_run_id  VARCHAR NOT NULL,
    PRIMARY KEY (name, sha256)
);

CREATE TABLE hits (
    hit_id        VARCHAR PRIMARY KEY,   -- SHA-256 of organisation, host, file, position, rule
    run_id        VARCHAR NOT NULL,      -- the first run that found it
    rule_id       VARCHAR NOT NULL,
    rule_kind     VARCHAR NOT NULL,      -- sigma or ioc
    title         VARCHAR NOT NULL,
    level         VARCHAR NOT NULL,
    organisation  VARCHAR NOT NULL,
    host          VARCHAR NOT NULL,
    file          VARCHAR NOT NULL,
    position      VARCHAR NOT NULL,      -- line 12, record 4711 or offset 0
    event_time    TIMESTAMPTZ,
    matched       VARCHAR NOT NULL,      -- matched fields as a JSON object
    context       VARCHAR NOT NULL,      -- the event fields a responder reads first (HitContext), as a JSON object
    hit_json      VARCHAR NOT NULL       -- the whole hit in Tradecraft's hit JSON (rule, event, fields)
);

CREATE TABLE organisations (
    name             VARCHAR PRIMARY KEY,
    status           VARCHAR NOT NULL,   -- compromised, attempted, clean
    hosts            VARCHAR[] NOT NULL,
    first_exploit    TIMESTAMPTZ,
    first_compromise TIMESTAMPTZ,
    webshells        VARCHAR[] NOT NULL,
    source_ips       VARCHAR[] NOT NULL,
    hits_critical    BIGINT NOT NULL,
    hits_high        BIGINT NOT NULL,
    hits_medium      BIGINT NOT NULL,
    hits_low         BIGINT NOT NULL,
    hits_informational BIGINT NOT NULL,
    evidence         VARCHAR[] NOT NULL
);

CREATE TABLE sightings (
    sighting_id   VARCHAR PRIMARY KEY,   -- the hit it came from plus its place among that hit's sightings
    hit_id        VARCHAR NOT NULL,
    organisation  VARCHAR NOT NULL,
    host          VARCHAR NOT NULL,
    event_time    TIMESTAMPTZ,
    stage         VARCHAR NOT NULL,
    succeeded     BOOLEAN NOT NULL,
    rule_id       VARCHAR NOT NULL,
    evidence      VARCHAR NOT NULL,      -- file and position
    campaign_id   VARCHAR,               -- empty for reconnaissance and unclustered sightings
    intrusion_id  VARCHAR
);

CREATE TABLE sighting_observables (
    sighting_id   VARCHAR NOT NULL,
    type          VARCHAR NOT NULL,      -- source-ip, user-agent, webshell-name, …
    value         VARCHAR NOT NULL,
    PRIMARY KEY (sighting_id, type, value)
);

CREATE TABLE campaigns (
    campaign_id   VARCHAR PRIMARY KEY,
    verdict       VARCHAR NOT NULL,
    confidence    INTEGER NOT NULL,
    organisations INTEGER NOT NULL,
    intrusions    INTEGER NOT NULL,
    first_seen    TIMESTAMPTZ,
    last_seen     TIMESTAMPTZ,
    actors        VARCHAR[] NOT NULL,
    evidence      VARCHAR[] NOT NULL,
    against       VARCHAR[] NOT NULL
);

CREATE TABLE campaign_intrusions (
    campaign_id   VARCHAR NOT NULL,
    intrusion_id  VARCHAR NOT NULL,
    organisation  VARCHAR NOT NULL,
    hosts         VARCHAR[] NOT NULL,
    first_seen    TIMESTAMPTZ,
    last_seen     TIMESTAMPTZ,
    sightings     INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, intrusion_id)
);

CREATE TABLE exposures (
    exposure_id   VARCHAR PRIMARY KEY,   -- SHA-256 of address, port and the scan file's name and position
    run_id        VARCHAR NOT NULL,
    address       VARCHAR NOT NULL,
    port          INTEGER NOT NULL,
    hostnames     VARCHAR[] NOT NULL,
    organisation  VARCHAR,               -- as the scan names it (often the network owner)
    asn           VARCHAR,
    country       VARCHAR,
    kind          VARCHAR NOT NULL,
    product       VARCHAR NOT NULL,
    version_shown VARCHAR,
    build         VARCHAR,
    cve           VARCHAR NOT NULL,      -- the CVE judged first (the one counted)
    state         VARCHAR NOT NULL,      -- vulnerable, not-vulnerable, ambiguous
    reason        VARCHAR NOT NULL,
    identification VARCHAR[] NOT NULL,
    evidence      VARCHAR NOT NULL       -- scan file and position
);

CREATE TABLE exposure_verdicts (
    exposure_id   VARCHAR NOT NULL,
    cve           VARCHAR NOT NULL,
    state         VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    PRIMARY KEY (exposure_id, cve)
);

-- Which hunted organisation a scanned server belongs to, by the names and addresses its logs show.
-- Derived like organisations: replaced whenever hunts or exposures change.
CREATE TABLE exposure_matches (
    exposure_id   VARCHAR PRIMARY KEY,
    organisation  VARCHAR NOT NULL,
    matched_by    VARCHAR NOT NULL
);
