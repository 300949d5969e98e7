/// The database schema, as an ordered list of named migrations recorded in
/// `PRAGMA user_version`. The DDL lives here, in source, so a copied binary needs no
/// resource files.
enum Schema {
    struct Migration {
        let name: String
        let sql: String
    }

    static let migrations: [Migration] = [
        Migration(name: "documents, elements and the bigram full-text index", sql: """
        CREATE TABLE documents (
            id          INTEGER PRIMARY KEY,
            path        TEXT NOT NULL UNIQUE,
            sha256      TEXT NOT NULL,
            kind        TEXT NOT NULL,
            title       TEXT,
            meeting     TEXT,
            session     INTEGER,
            date        TEXT,
            encoding    TEXT NOT NULL,
            warnings    INTEGER NOT NULL,
            indexed_at  TEXT NOT NULL
        );
        CREATE INDEX documents_date ON documents(date);
        CREATE TABLE elements (
            id             INTEGER PRIMARY KEY,
            document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal        INTEGER NOT NULL,
            kind           TEXT NOT NULL,
            agenda_number  INTEGER,
            agenda_title   TEXT,
            parent_id      INTEGER,
            issuer         TEXT,
            marker         TEXT,
            line_start     INTEGER NOT NULL,
            line_end       INTEGER NOT NULL,
            body           TEXT NOT NULL
        );
        CREATE INDEX elements_document ON elements(document_id);
        CREATE INDEX elements_parent ON elements(parent_id);
        CREATE VIRTUAL TABLE elements_fts USING fts5(
            body, content='elements', content_rowid='id', tokenize='gijiroku_bigram', prefix='1'
        );
        """),
    ]

    static var version: Int32 { Int32(migrations.count) }

    /// Brings the database to the current version, each step in its own transaction.
    static func migrate(_ database: Database) throws {
        let found = try userVersion(database)
        if found > version {
            throw IndexError(.newerSchema(found: found, supported: version),
                             "この索引（\(database.path)）は新しい版の Gijiroku で作られています（版 \(found)、この Gijiroku は版 \(version) まで）。Gijiroku を更新するか、--db で別の索引を指定してください")
        }
        for step in Int(found)..<migrations.count {
            try database.transaction {
                try database.execute(migrations[step].sql)
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
