internal import CSQLite
import Gijiroku

/// Registers ``JapaneseTokens`` with SQLite's FTS5 as the tokenizer `gijiroku_bigram`.
///
/// Registration is per connection, so ``Database`` does it on open; a table declared
/// `tokenize='gijiroku_bigram'` cannot be read by a connection (or the `sqlite3` shell)
/// that has not registered it.
enum BigramTokenizer {
    static let name = "gijiroku_bigram"
    private static let pointerType: StaticString = "fts5_api_ptr"

    /// What a connection's tokenizer reads text with; the connection keeps it alive.
    final class Context {
        let characters: CharacterVariants
        init(characters: CharacterVariants) { self.characters = characters }
    }

    /// Registers the tokenizer, folding `context`'s character variants; returns FTS5's API
    /// for registering further functions.
    @discardableResult
    static func register(on database: Database, context: Context) throws(IndexError) -> UnsafeMutablePointer<fts5_api> {
        let statement = try database.prepare("SELECT fts5(?1)")
        var api: UnsafeMutablePointer<fts5_api>?
        let code = withUnsafeMutablePointer(to: &api) { slot -> Int32 in
            let bound = pointerType.withUTF8Buffer { type in
                sqlite3_bind_pointer(statement.handle, 1, slot, UnsafeRawPointer(type.baseAddress!).assumingMemoryBound(to: CChar.self), nil)
            }
            guard bound == SQLITE_OK else { return bound }
            return sqlite3_step(statement.handle)
        }
        guard code == SQLITE_ROW || code == SQLITE_DONE, let api, api.pointee.iVersion >= 2 else {
            throw IndexError(.database(code: code, operation: .fullTextSearch), sql: "SELECT fts5(?1)", sqlite: database.errorMessage)
        }
        var tokenizer = fts5_tokenizer(xCreate: gijirokuTokenizerCreate, xDelete: gijirokuTokenizerDelete, xTokenize: gijirokuTokenize)
        let created = api.pointee.xCreateTokenizer(api, name, Unmanaged.passUnretained(context).toOpaque(), &tokenizer, nil)
        try database.check(created, "xCreateTokenizer", .fullTextSearch)
        return api
    }
}

// C callbacks: top-level functions, because a @convention(c) function cannot capture context.

private func gijirokuTokenizerCreate(_ context: UnsafeMutableRawPointer?, _ arguments: UnsafeMutablePointer<UnsafePointer<CChar>?>?,
                                     _ count: Int32, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    // The tokenizer's handle is the connection's context (its character variants).
    guard let context else { return SQLITE_ERROR }
    out?.pointee = OpaquePointer(context)
    return SQLITE_OK
}

private func gijirokuTokenizerDelete(_ tokenizer: OpaquePointer?) {}

private func gijirokuTokenize(
    _ tokenizer: OpaquePointer?, _ context: UnsafeMutableRawPointer?, _ flags: Int32,
    _ text: UnsafePointer<CChar>?, _ length: Int32,
    _ xToken: (@convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32)?
) -> Int32 {
    guard let xToken, let text, length > 0, let tokenizer else { return SQLITE_OK }
    let characters = Unmanaged<BigramTokenizer.Context>.fromOpaque(UnsafeRawPointer(tokenizer)).takeUnretainedValue().characters
    let forIndex = flags & FTS5_TOKENIZE_QUERY == 0
    var result = SQLITE_OK
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: Int(length))
    JapaneseTokens.tokenize(bytes, forIndex: forIndex, characters: characters) { token, start, end, colocated in
        let code = token.baseAddress!.withMemoryRebound(to: CChar.self, capacity: token.count) {
            xToken(context, colocated ? FTS5_TOKEN_COLOCATED : 0, $0, Int32(token.count), Int32(start), Int32(end))
        }
        result = code
        return code == SQLITE_OK
    }
    return result
}
