"""The SQLite schema as an ordered list of migrations, applied on open.

`PRAGMA user_version` records how many have run; a new migration is appended, never edited.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles with full-text search, copies, signatures, stories, snapshots, fetch cache
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        raw TEXT NOT NULL,
        text TEXT NOT NULL,
        removed TEXT NOT NULL DEFAULT '[]',
        outlet TEXT, url TEXT, published TEXT, title TEXT, path TEXT, input_id TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq', tokenize='porter unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
    END;
    CREATE TABLE signatures (article TEXT PRIMARY KEY REFERENCES articles(id), minhash BLOB NOT NULL);
    CREATE TABLE copies (
        article TEXT PRIMARY KEY REFERENCES articles(id),
        earliest TEXT NOT NULL REFERENCES articles(id),
        changes TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE stories (
        mode TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL,
        first TEXT, last TEXT, closed INTEGER NOT NULL DEFAULT 0,
        entities TEXT NOT NULL DEFAULT '[]', terms TEXT NOT NULL DEFAULT '[]',
        copies TEXT NOT NULL DEFAULT '[]', position INTEGER NOT NULL,
        PRIMARY KEY (mode, id)
    );
    CREATE TABLE story_articles (
        mode TEXT NOT NULL, article TEXT NOT NULL REFERENCES articles(id), story TEXT NOT NULL,
        position INTEGER NOT NULL, similarity REAL NOT NULL,
        entities TEXT NOT NULL DEFAULT '[]', terms TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (mode, article)
    );
    CREATE INDEX story_articles_story ON story_articles(mode, story);
    CREATE TABLE snapshots (
        n INTEGER PRIMARY KEY, story TEXT NOT NULL, created_at TEXT NOT NULL,
        articles TEXT NOT NULL, brief TEXT NOT NULL
    );
    CREATE INDEX snapshots_story ON snapshots(story);
    CREATE TABLE fetch_cache (
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, fetched_at TEXT, content_hash TEXT
    );
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: sentence embeddings of articles, for story clustering with --similarity embed
    """
    CREATE TABLE embeddings (article TEXT PRIMARY KEY REFERENCES articles(id), vector BLOB NOT NULL);
    """,
    # 3: state a stage keeps between runs as bytes (the stream clusterer's checkpoint)
    """
    CREATE TABLE checkpoints (key TEXT PRIMARY KEY, value BLOB NOT NULL);
    """,
]
