/// The database schema, as an ordered list of named migrations recorded in
/// `PRAGMA user_version`. The DDL lives here, in source, so a copied binary needs no
/// resource files.
enum Schema {
    struct Migration: Sendable {
        let name: String
        let sql: String
        /// What SQL alone cannot do, run after `sql` in the same transaction.
        var then: (@Sendable (Database) throws(IndexError) -> Void)? = nil
    }

    static let migrations: [Migration] = [
        Migration(name: "documents, elements and the bigram full-text index", sql: """
        CREATE TABLE documents (
            id          INTEGER PRIMARY KEY,
            path        TEXT NOT NULL UNIQUE,
            sha256      TEXT NOT NULL,
            kind        TEXT NOT NULL,
            title       TEXT,               -- the meeting is read from the title when needed
            session     INTEGER,
            date        TEXT,
            encoding    TEXT NOT NULL,
            warnings    INTEGER NOT NULL,
            indexed_at  INTEGER NOT NULL,   -- Unix time
            first_element  INTEGER,   -- the document's elements are the ids first_element…last_element
            last_element   INTEGER,
            total_length   INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE agenda (
            document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            number       INTEGER NOT NULL,
            title        TEXT,
            PRIMARY KEY (document_id, number)
        ) WITHOUT ROWID;
        CREATE TABLE plan_items (
            document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            item         TEXT NOT NULL,     -- 1, 1-1, 1-1-3
            level        TEXT NOT NULL,
            title        TEXT NOT NULL,
            PRIMARY KEY (document_id, item)
        ) WITHOUT ROWID;
        CREATE TABLE elements (
            id             INTEGER PRIMARY KEY,   -- a sequence number (version 2 had length << 4 in it)
            document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            style          INTEGER NOT NULL,   -- IndexedElement.Kind.code | marker code << 3 (from version 5: << 4)
            agenda_number  INTEGER,            -- agenda(document_id, number)
            item           TEXT,               -- a plan element's item: plan_items(document_id, item)
            question       INTEGER,            -- an answer's question: how many elements back
            issuer         TEXT,
            marker         TEXT,               -- only a marker that has no code
            line_start     INTEGER NOT NULL,
            line_count     INTEGER NOT NULL,   -- lines after the first (0 and 1 take no space)
            body           TEXT NOT NULL
        );
        CREATE TABLE statistics (
            id              INTEGER PRIMARY KEY CHECK (id = 1),
            elements        INTEGER NOT NULL,   -- how many elements are indexed
            total_length    INTEGER NOT NULL    -- their summed length in characters
        );
        INSERT INTO statistics VALUES (1, 0, 0);
        CREATE VIRTUAL TABLE elements_fts USING fts5(
            body, content='elements', content_rowid='id', tokenize='gijiroku_bigram', columnsize=0
        );
        """),
        Migration(name: "linkable minutes elements, their links to plan items, and directive statuses set by hand", sql: """
        CREATE TABLE units (
            document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            line           INTEGER NOT NULL,   -- first line: with the kind, the unit's key in its document
            kind           INTEGER NOT NULL,   -- LinkUnit.Kind: 0 agenda, 1 exchange, 2 directive, 3 other
            line_count     INTEGER NOT NULL,   -- lines after the first
            agenda_number  INTEGER,            -- agenda(document_id, number) gives the title
            title          TEXT,               -- the agenda title only when the item has no number
            -- no text: it is read back from the elements in the unit's lines (see storedUnits)
            PRIMARY KEY (document_id, line, kind)
        ) WITHOUT ROWID;
        CREATE TABLE links (
            id          INTEGER PRIMARY KEY,   -- kept while the (unit, plan item) pair stays linked
            path        TEXT NOT NULL,         -- the minutes file
            line        INTEGER NOT NULL,
            unit_kind   TEXT NOT NULL,
            plan_path   TEXT NOT NULL,         -- plan item IDs are scoped by their plan
            item        TEXT NOT NULL,
            rank        INTEGER NOT NULL,      -- 1 = best link of the unit
            score       REAL NOT NULL,
            reference   TEXT,                  -- the explicit reference, when there is one
            terms       TEXT NOT NULL,         -- shared terms, separated by U+001F
            UNIQUE (path, line, unit_kind, plan_path, item)
        );
        CREATE INDEX links_by_item ON links(plan_path, item);
        CREATE TABLE directive_status (
            id          TEXT PRIMARY KEY,      -- DirectiveRegister.Entry.id: stable across re-indexing
            status      TEXT,                  -- NULL: the automatic status applies (a note alone was set)
            note        TEXT,
            updated_at  INTEGER NOT NULL
        );
        -- Minutes indexed before this version have no units: the next index run reads them again.
        UPDATE documents SET sha256 = '' WHERE kind = 'minutes';
        """),
        Migration(name: "element ids become plain sequence numbers; lengths move to their own table; a large run may build the full-text index at its end; attendance fields are searchable", sql: """
        CREATE TABLE element_lengths (
            chunk    INTEGER PRIMARY KEY,   -- element id >> 11
            lengths  BLOB NOT NULL          -- one ElementLengths code per element, at id & 2047
        );
        CREATE TABLE elements_renumbered (
            id             INTEGER PRIMARY KEY,   -- a sequence number
            document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            style          INTEGER NOT NULL,
            agenda_number  INTEGER,
            item           TEXT,
            question       INTEGER,
            issuer         TEXT,
            marker         TEXT,
            line_start     INTEGER NOT NULL,
            line_count     INTEGER NOT NULL,
            body           TEXT NOT NULL
        );
        INSERT INTO elements_renumbered SELECT id >> 4, document_id, style, agenda_number, item, question, issuer, marker,
            line_start, line_count, body FROM elements;
        DROP TABLE elements;
        ALTER TABLE elements_renumbered RENAME TO elements;
        UPDATE documents SET first_element = first_element >> 4, last_element = last_element >> 4;
        INSERT INTO elements_fts(elements_fts) VALUES('rebuild');
        -- 1 while a run that builds the full-text index at its end has not reached it.
        ALTER TABLE statistics ADD COLUMN full_text_pending INTEGER NOT NULL DEFAULT 0;
        -- Minutes now also index their attendance fields: the next index run reads them again.
        UPDATE documents SET sha256 = '' WHERE kind = 'minutes';
        """, then: { database throws(IndexError) in try ElementLengths.rebuild(in: database) }),
        Migration(name: "what the parser read is stored, not read again: the meeting body, a directive's deadline and responsible bodies", sql: """
        ALTER TABLE documents ADD COLUMN meeting TEXT;          -- the meeting body the parser read from the title (minutes)
        ALTER TABLE units ADD COLUMN deadline_text TEXT;        -- a directive's deadline as the parser read it (Deadline)
        ALTER TABLE units ADD COLUMN deadline_basis TEXT;
        ALTER TABLE units ADD COLUMN deadline_date TEXT;
        ALTER TABLE units ADD COLUMN deadline_problem TEXT;
        ALTER TABLE units ADD COLUMN responsible TEXT;          -- a directive's responsible bodies, separated by U+001F
        -- Minutes indexed before this version have none of these: the next index run reads them again.
        UPDATE documents SET sha256 = '' WHERE kind = 'minutes';
        """),
        Migration(name: "verbatim records: utterances are elements of their own kind, with who spoke", sql: """
        -- A ninth kind (speech) needs a fourth bit: the marker code moves up one.
        UPDATE elements SET style = (style & 7) | ((style >> 3) << 4);
        ALTER TABLE elements ADD COLUMN speaker TEXT;   -- IndexedElement.speaker, for --speaker
        -- Minutes are read again, for their utterances and speakers.
        UPDATE documents SET sha256 = '' WHERE kind = 'minutes';
        """),
        Migration(name: "decisions: a tenth kind of element, with its outcome and how it was decided", sql: """
        ALTER TABLE elements ADD COLUMN outcome TEXT;   -- a decision's outcome (approved, adopted, rejected …)
        ALTER TABLE elements ADD COLUMN method TEXT;    -- how it was decided (異議なし, 起立多数 …)
        -- Minutes are read again, for their decisions.
        UPDATE documents SET sha256 = '' WHERE kind = 'minutes';
        """),
        // Rebuilt with foreign keys off (``Store`` migrates before it turns them on): the
        // other tables' rows stay, and refer to the new table by its name.
        Migration(name: "a page of several meetings is one document per meeting: documents are keyed by path and part, with the lines each holds", sql: """
        CREATE TABLE documents_by_part (
            id          INTEGER PRIMARY KEY,
            path        TEXT NOT NULL,
            part        INTEGER NOT NULL DEFAULT 0,   -- which meeting of a page of several (1, 2 …); 0: the file is one record
            first_line  INTEGER NOT NULL DEFAULT 1,   -- the file's lines the record holds
            last_line   INTEGER,                      -- NULL: to the end of the file
            sha256      TEXT NOT NULL,
            kind        TEXT NOT NULL,
            title       TEXT,
            session     INTEGER,
            date        TEXT,
            encoding    TEXT NOT NULL,
            warnings    INTEGER NOT NULL,
            indexed_at  INTEGER NOT NULL,
            first_element  INTEGER,
            last_element   INTEGER,
            total_length   INTEGER NOT NULL DEFAULT 0,
            meeting     TEXT,
            UNIQUE (path, part)
        );
        INSERT INTO documents_by_part(id, path, part, first_line, last_line, sha256, kind, title, session, date, encoding, warnings,
                                      indexed_at, first_element, last_element, total_length, meeting)
            SELECT id, path, 0, 1, NULL, sha256, kind, title, session, date, encoding, warnings,
                   indexed_at, first_element, last_element, total_length, meeting FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_by_part RENAME TO documents;
        -- Minutes are read again: a page of several meetings is split.
        UPDATE documents SET sha256 = '' WHERE kind = 'minutes';
        """),
        // Removing a document made SQLite look for its elements (the foreign key's cascade)
        // by reading every element: re-indexing 1 000 changed files of 2 000 took 14 times as
        // long as indexing 1 000 new ones.
        Migration(name: "a document's elements are found through an index when it is removed", sql: """
        CREATE INDEX IF NOT EXISTS elements_by_document ON elements(document_id);
        """),
        // `statistics.character_variants`: CharacterVariants.fingerprint; NULL when not known
        // (the next writer rebuilds the full-text index). Added only when missing, as tests
        // replay migrations over a current schema.
        Migration(name: "the character variants the full-text index and the links were built with", sql: "", then: { database throws(IndexError) in
            let columns = try database.prepare("SELECT count(*) FROM pragma_table_info('statistics') WHERE name = 'character_variants'")
            guard try columns.firstRow([], { $0.int(0) ?? 0 }) == 0 else { return }
            try database.execute("ALTER TABLE statistics ADD COLUMN character_variants TEXT")
        }),
        // A search filtered by kind or date tested every match by joining it to its element
        // and document (25 ms for a frequent word since a date, at 20 000 documents).
        Migration(name: "each element's kind and date, beside the full-text index, for filtering in the ranking", sql: """
        CREATE TABLE IF NOT EXISTS element_facets (
            chunk    INTEGER PRIMARY KEY,   -- element id >> 11
            facets   BLOB NOT NULL          -- ElementFacets: 3 bytes per element, at (id & 2047) * 3
        );
        """, then: { database throws(IndexError) in try ElementFacets.rebuild(in: database) }),
        // The static site shows each meeting's header (time, place, attendees with their
        // roles); the index kept only the title and date. Added only when missing.
        Migration(name: "each minutes record's header: form, time, place, attendees, for the static site", sql: "", then: { database throws(IndexError) in
            let columns = try database.prepare("SELECT count(*) FROM pragma_table_info('documents') WHERE name = 'header'")
            guard try columns.firstRow([], { $0.int(0) ?? 0 }) == 0 else { return }
            try database.execute("ALTER TABLE documents ADD COLUMN header TEXT")   // StoredHeader, as JSON
            // Minutes are read again, for their headers.
            try database.execute("UPDATE documents SET sha256 = '' WHERE kind = 'minutes'")
        }),
        // `statistics.parser_revision`: ParsedDocument.revision of the records the index
        // holds; NULL for an index made before it was kept (the next writer reads its files
        // again). Added only when missing.
        Migration(name: "the parsers' revision the records were read with", sql: "", then: { database throws(IndexError) in
            let columns = try database.prepare("SELECT count(*) FROM pragma_table_info('statistics') WHERE name = 'parser_revision'")
            guard try columns.firstRow([], { $0.int(0) ?? 0 }) == 0 else { return }
            try database.execute("ALTER TABLE statistics ADD COLUMN parser_revision INTEGER")
        }),
        // A search's meeting filter reads every document's meeting name and title: through
        // the table, it read the stored headers too (12.8 MB at 20 000 documents); this
        // index holds just what the filter needs. Keyed by the first element, which grows
        // with every document written, so that writing one appends to it.
        Migration(name: "the documents' meeting names and titles, for the meeting filter", sql: """
        CREATE INDEX IF NOT EXISTS documents_by_meeting ON documents(first_element, last_element, meeting, title);
        """),
        // Reading every document's name still made the meeting filter grow with the archive,
        // not with its matches (15 ms of a search at 100 000 documents, with no match at
        // all). A trigram index of the names and titles finds the documents that hold a
        // name of three characters or more, and `documents_elements` their elements without
        // reading the documents' rows (which hold their headers). The index's entries are made
        // from the documents' own columns (external content): nothing is stored twice.
        Migration(name: "the documents' meeting names and titles in a trigram index, for the meeting filter", sql: """
        CREATE VIRTUAL TABLE IF NOT EXISTS document_names USING fts5(
            meeting, title, content='documents', content_rowid='id', tokenize='trigram case_sensitive 1', columnsize=0
        );
        INSERT INTO document_names(document_names) VALUES('rebuild');
        CREATE INDEX IF NOT EXISTS documents_elements ON documents(id, first_element, last_element);
        -- Indexing writes a document's names and deletes them itself, a batch at a time; a
        -- document's name or title changed in place (never by Gijiroku) is followed here.
        CREATE TRIGGER IF NOT EXISTS document_names_follow_changes AFTER UPDATE OF meeting, title ON documents BEGIN
            INSERT INTO document_names(document_names, rowid, meeting, title) VALUES('delete', old.id, old.meeting, old.title);
            INSERT INTO document_names(rowid, meeting, title) VALUES(new.id, new.meeting, new.title);
        END;
        """),
        // `statistics.linker_revision`: PlanLinker.revision of the links the index holds; NULL
        // for an index made before it was kept (the next writer makes its links anew). Added
        // only when missing.
        Migration(name: "the linker's revision the links were made with", sql: "", then: { database throws(IndexError) in
            let columns = try database.prepare("SELECT count(*) FROM pragma_table_info('statistics') WHERE name = 'linker_revision'")
            guard try columns.firstRow([], { $0.int(0) ?? 0 }) == 0 else { return }
            try database.execute("ALTER TABLE statistics ADD COLUMN linker_revision INTEGER")
        }),
        // `statistics.link_words`: WordVariants.fingerprint of the word variants (shipped and
        // the user's synonyms.txt) the links were made with; NULL for an index made before it
        // was kept (the next writer makes its links anew). Added only when missing.
        Migration(name: "the word variants the links were made with", sql: "", then: { database throws(IndexError) in
            let columns = try database.prepare("SELECT count(*) FROM pragma_table_info('statistics') WHERE name = 'link_words'")
            guard try columns.firstRow([], { $0.int(0) ?? 0 }) == 0 else { return }
            try database.execute("ALTER TABLE statistics ADD COLUMN link_words TEXT")
        }),
    ]

    static var version: Int32 { Int32(migrations.count) }

    /// Brings the database to the current version, each step in its own transaction.
    static func migrate(_ database: Database) throws {
        let found = try userVersion(database)
        if found > version {
            throw IndexError(.newerSchema(path: database.path, found: found, supported: version))
        }
        for step in Int(found)..<migrations.count {
            try database.transaction {
                try database.execute(migrations[step].sql)
                try migrations[step].then?(database)
                try database.execute("PRAGMA user_version = \(step + 1)")
            }
        }
    }

    static func userVersion(_ database: Database) throws(IndexError) -> Int32 {
        let statement = try database.prepare("PRAGMA user_version")
        guard try statement.step() else { return 0 }
        return Int32(statement.int(0) ?? 0)
    }
}
