internal import CSQLite
import Gijiroku

/// Registers `gijiroku_fold(text)` on a connection: the text with its character variants
/// folded (the connection's table) and white space removed, for comparing who spoke:
/// `髙橋　一郎` and `高橋一郎` are one person.
///
/// ```sql
/// SELECT … WHERE instr(gijiroku_fold(e.speaker), ?1) > 0   -- ?1 = FoldFunction.fold(query)
/// ```
package enum FoldFunction {
    static let name = "gijiroku_fold"

    /// What `gijiroku_fold` gives for `text`.
    package static func fold(_ text: String, characters: CharacterVariants) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == " " || s == "\u{3000}" || s == "\t" || s == "\n" || s == "\r" { continue }
            if let f = characters.fold(s) { out.append(f) }
        }
        return String(out)
    }

    static func register(on database: Database, context: BigramTokenizer.Context) throws(IndexError) {
        let code = sqlite3_create_function_v2(database.handle, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                              Unmanaged.passUnretained(context).toOpaque(), gijirokuFold, nil, nil, nil)
        try database.check(code, "sqlite3_create_function_v2(\(name))", .execute)
    }
}

private func gijirokuFold(_ context: OpaquePointer?, _ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let values, count == 1, let text = sqlite3_value_text(values[0]) else {
        sqlite3_result_null(context)
        return
    }
    let characters = Unmanaged<BigramTokenizer.Context>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue().characters
    let folded = FoldFunction.fold(String(cString: text), characters: characters)
    sqlite3_result_text(context, folded, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
}
