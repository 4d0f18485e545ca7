-- A version 1 notebook (schema.py's _V1), as `sqlite3 .dump` would write it, plus the two
-- header fields a dump leaves out. test_notebook_opening opens it with today's code: every
-- schema version ever released keeps such a file here, so that every migration is tested.
PRAGMA user_version = 1;
PRAGMA application_id = 1247104593;
BEGIN TRANSACTION;
CREATE TABLE item_tags (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (kind, id, tag),
    FOREIGN KEY (kind, id) REFERENCES items (kind, id) ON DELETE CASCADE
);
INSERT INTO "item_tags" VALUES('event','raid-begins','check');
INSERT INTO "item_tags" VALUES('event','raid-begins','key-moment');
CREATE TABLE items (
    kind TEXT NOT NULL CHECK (kind IN ('event', 'actor', 'quote', 'source')),
    id TEXT NOT NULL,
    starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
INSERT INTO "items" VALUES('event','raid-begins',1,'# Timing

Compare with the **Bellingcat** video: 04:00 or 04:15?
- ask Ana','2026-12-02T08:36:50.414138Z','2026-12-02T08:36:50.415428Z');
INSERT INTO "items" VALUES('actor','oscar-perez',0,'Pérez — «líder»','2026-12-02T08:36:50.415867Z','2026-12-02T08:36:50.415867Z');
INSERT INTO "items" VALUES('quote','nationalists-patriots-statement',1,'','2026-12-02T08:36:50.416217Z','2026-12-02T08:36:50.416217Z');
INSERT INTO "items" VALUES('event','an-event-since-removed',1,'','2026-12-02T08:36:50.417623Z','2026-12-02T08:36:50.417623Z');
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO "meta" VALUES('readable_by','1');
CREATE TABLE searches (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
INSERT INTO "searches" VALUES('raid day','date:2018-01-15 kind:event','2026-12-02T08:36:50.418096Z','2026-12-02T08:36:50.418096Z');
CREATE TABLE seen (
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    title TEXT NOT NULL,
    opened TEXT NOT NULL,
    PRIMARY KEY (path, sha256)
);
CREATE INDEX item_tags_by_tag ON item_tags (tag);
COMMIT;
