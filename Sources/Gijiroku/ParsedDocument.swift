import Foundation

/// A parsed document of any kind: minutes, a plan or another document. The library's one
/// entry: bytes in, a record out, with no file system and no processes.
///
/// ```swift
/// let data = Data("■第３回汐見川市行財政改革推進本部会議 議事概要\n【日 時】 平成30年6月12日（火）\n".utf8)
/// let record = try ParsedDocument.parse(data, source: InputSource(path: "第３回.txt"))
/// if case .minutes(let minutes) = record { print(minutes.date ?? "?") }   // 2018-06-12
/// ```
public enum ParsedDocument: Sendable, Encodable {
    case minutes(Minutes)
    case plan(Plan)
    case document(Document)

    /// The parsers' revision: raised whenever the same bytes give a different record (a
    /// test holds each revision's digest of the corpus's golden records and fails when
    /// they change under the same revision). An index keeps the revision its records were
    /// read with and reads its files again under a new one.
    ///
    /// 2: meeting names without the day, session month or issue, with the council.
    /// 3: a page with no labelled field keeps its body after its title (a page of several
    /// meetings, each a dated heading with numbered headings and `- ` items; a page whose
    /// line breaks were lost): it was read as the page's chrome and lost.
    /// 4: `1 開会` under an empty `議事` label is the agenda's first item, not the opening
    /// time's label (the agenda of numbered lines under it was lost).
    /// 5: the items listed under `報告事項` or `協議事項` (`1 重要な報告事項`, then `- …について`)
    /// are the meeting's agenda items; they were paragraphs.
    /// 6: an agenda the extraction ran into one line (`[議題] 1.… 2.… 3.…`) is split at each next
    /// number (it was one item), and the leaders after a title (`……`) are no part of it.
    /// 7: with no agenda field, a summary's top-level numbered sections (`1 開会`, `2 会長あいさつ`,
    /// `3 報告事項`; `1 議会報告会の開催について` over its result), numbered 1, 2, 3 … in order, are
    /// its agenda items, the text after each a paragraph; they were paragraphs with their text.
    /// 8: a body only a council has, named by its municipality (`長崎市 全員協議会`), takes the
    /// council's name (`長崎市議会 全員協議会`); a verbatim record with no title is named by the
    /// session its chair opens or closes (`…第４回青森市議会定例会を閉会いたします`).
    /// 9: a verbatim record's order of business headed by its session's name (`…議事日程　第１号`,
    /// `追加議事日程`) gives its items (墨田's 議案第７０号), an item listed again once; titles lose
    /// a table's border run on after them (`…補正予算－－－－＋`).
    /// 10: `内容` alone on a line heads the proceedings; its numbered headings (`(1)…について`,
    /// numbered from 1) and a numbered `(2)その他` after them are the agenda of a summary that
    /// lists none (美祢's three items in two meetings).
    /// 11: in an agenda listed without numbers, each short line after a short one is an item
    /// (tokyotogikai's 21 under `本日の会議に付した事件`), a `(1)` line a sub-item of the one
    /// above; they were read as one title.
    /// 12: the numbered items after a category in lenticular brackets (`【陳　情】　(1)…　(2)…`)
    /// are items (meguro's two petitions); the line was one item.
    /// 13: a verbatim record with no agenda takes the bills its chair puts before the meeting
    /// (`(1)議案第44号 …についてを議題といたします。`) as its agenda; a matter named without a
    /// bill's number is not one.
    public static let revision = 30

    /// Decodes `data` (UTF-8, UTF-16, Shift_JIS or EUC-JP, detected), detects its kind unless
    /// `kind` says, and parses it with that kind's parser.
    /// - Parameters:
    ///   - data: the text's bytes (for PDF and DOCX, the extracted text; the input layer
    ///     `GijirokuInput` reads files of every format).
    ///   - source: the path, format and digest recorded in the record's `source` (the
    ///     digest of `data` when it gives none).
    ///   - kind: the kind to parse as; detected when `nil`.
    /// - Throws: ``InputError`` when the bytes are empty, binary or undecodable.
    public static func parse(_ data: Data, source: InputSource, kind: DocumentKind? = nil) throws(InputError) -> ParsedDocument {
        let decoded = try TextDecoder().decode(data, path: source.path)
        var source = source
        if source.sha256 == nil { source.sha256 = SHA256.hex(of: data) }
        var text = decoded.text
        switch source.format {
        case .html:
            text = HTMLText.text(of: text)
        case .json:
            // A council-minutes service's export; any other JSON is read as text, as before.
            if let turns = MinutesServiceJSON.text(of: text) { text = turns } else { source.format = .text }
        case .text where FileName.extension(of: source.path) != "txt" && HTMLText.looksLikeHTML(text):
            text = HTMLText.text(of: text)
            source.format = .html
        default:
            break
        }
        guard !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { throw InputError(path: source.path, reason: .empty) }
        var document = parse(text: text, source: source, encoding: decoded.encoding, kind: kind)
        // A few bytes that were not UTF-8, read as U+FFFD: said on each line (on the file when
        // the text was extracted from HTML or JSON, whose lines are not the file's).
        if !decoded.replacedLines.isEmpty {
            let lines: [Int?] = source.format == .html || source.format == .json ? [nil] : decoded.replacedLines
            document.add(lines.map { ParseWarning(line: $0, .invalidBytesReplaced) })
        }
        return document
    }

    private mutating func add(_ warnings: [ParseWarning]) {
        switch self {
        case .minutes(var m): m.warnings += warnings; m.warnings.sort { ($0.line ?? 0) < ($1.line ?? 0) }; self = .minutes(m)
        case .plan(var p): p.warnings += warnings; self = .plan(p)
        case .document(var d): d.warnings += warnings; self = .document(d)
        }
    }

    /// Parses text that is already decoded (a DOCX's paragraphs, for example).
    ///
    /// ```swift
    /// let record = ParsedDocument.parse(text: "第1章 総論\n…", source: InputSource(path: "計画.txt"), kind: .plan)
    /// ```
    public static func parse(text: String, source: InputSource, encoding: TextEncoding = .utf8, kind: DocumentKind? = nil) -> ParsedDocument {
        let sha256 = source.sha256 ?? SHA256.hex(of: Array(text.utf8))
        var document: ParsedDocument
        switch kind ?? DocumentKind.detect(text) {
        case .minutes: document = .minutes(MinutesParser().parse(text: text, path: source.path, sha256: sha256, encoding: encoding))
        case .plan: document = .plan(PlanParser().parse(text: text, path: source.path, sha256: sha256, encoding: encoding))
        case .document: document = .document(DocumentParser().parse(text: text, path: source.path, sha256: sha256, encoding: encoding))
        }
        if source.format != .text { document.setFormat(source.format) }
        return document
    }

    private mutating func setFormat(_ format: SourceFormat) {
        switch self {
        case .minutes(var m): m.source.format = format; self = .minutes(m)
        case .plan(var p): p.source.format = format; self = .plan(p)
        case .document(var d): d.source.format = format; self = .document(d)
        }
    }

    /// One record per meeting: minutes of a page that holds several meetings one after
    /// another are made into one record each (their `source.part` says which); any other
    /// document is itself.
    ///
    /// ```swift
    /// let records = ParsedDocument.parse(text: page, source: InputSource(path: "対策本部会議.html")).meetings
    /// records.map { $0.source.part?.number }   // [1, 2, 3]
    /// ```
    public var meetings: [ParsedDocument] {
        guard case .minutes(let m) = self, m.meetingHeadings.count >= 2 else { return [self] }
        return MeetingSplitter.split(m).map { .minutes($0) }
    }

    /// `"minutes"`, `"plan"` or `"document"`.
    public var kind: String {
        switch self {
        case .minutes: return "minutes"
        case .plan: return "plan"
        case .document: return "document"
        }
    }

    /// Where the record came from.
    public var source: SourceInfo {
        switch self {
        case .minutes(let m): return m.source
        case .plan(let p): return p.source
        case .document(let d): return d.source
        }
    }

    /// What the parser could not read, by line.
    public var warnings: [ParseWarning] {
        switch self {
        case .minutes(let m): return m.warnings
        case .plan(let p): return p.warnings
        case .document(let d): return d.warnings
        }
    }

    /// The record of its kind, as if it were encoded alone.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .minutes(let m): try c.encode(m)
        case .plan(let p): try c.encode(p)
        case .document(let d): try c.encode(d)
        }
    }
}
