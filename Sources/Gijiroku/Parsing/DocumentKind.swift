import Foundation

/// Which kind of document a text is, so the right parser reads it.
///
/// A plan has chapters (`第N章`) with `現状と課題` or `施策展開`. Minutes have a minutes title
/// (`議事概要`, `議事録`, `会議録` … in the first lines), a minutes block (`＜議題説明＞`,
/// `＜意見等＞`, `（市長指示）`), or both a date and a place field, unless its first lines say
/// it is a notice or a report (`告示`, `通知`, `…の開催について`). Anything else is a
/// document (a report, a draft, a notice). `--kind` overrides the detection.
///
/// ```swift
/// DocumentKind.detect("第 1 章\n…\n施策展開\n…")   // .plan
/// ```
public enum DocumentKind: String, Sendable, CaseIterable {
    case minutes, plan, document

    public static func detect(_ text: String) -> DocumentKind {
        if isPlan(text) { return .plan }
        return isMinutes(text) ? .minutes : .document
    }

    static func isMinutes(_ text: String) -> Bool {
        let lines = SourceLine.split(text)
        let head = lines.lazy.filter { !$0.isBlank }.prefix(12)
        let titles = ["議事概要", "議事録", "会議録", "議事要旨", "会議概要", "会議要旨", "会議記録"]
        if head.contains(where: { line in titles.contains { UTF8Search.contains(line.content, $0) } }) { return true }
        // A notice of a meeting has a date and a place too, but says what it is first.
        let notices = ["告示", "通知", "お知らせ", "開催について", "報告書", "視察報告"]
        if head.prefix(4).contains(where: { line in notices.contains { UTF8Search.contains(line.content, $0) } }) { return false }
        var date = false, place = false
        for line in lines.prefix(400) where !line.isBlank {
            if case .blockLabel(let kind, _, _) = LineClassifier.classify(line.content), kind != .section { return true }
            if let label = HeaderLabel.match(line.content) {
                if label.field == .date { date = true }
                if label.field == .place { place = true }
            }
        }
        return date && place
    }

    static func isPlan(_ text: String) -> Bool {
        // Rule most documents out by bytes before looking at lines.
        guard UTF8Search.contains(text, "章"),
              UTF8Search.contains(text, "施策展開") || UTF8Search.contains(text, "現状と課題") else { return false }
        var chapter = false, planLabel = false
        for line in SourceLine.split(text).prefix(5_000) where !line.isBlank {
            switch PlanLineClassifier.classify(line) {
            case .chapter: chapter = true
            case .issuesLabel, .measuresLabel: planLabel = true
            default: break
            }
            if chapter && planLabel { return true }
        }
        return false
    }
}

/// A parsed document of either kind.
public enum ParsedDocument: Sendable, Encodable {
    case minutes(Minutes)
    case plan(Plan)
    case document(Document)

    /// Decodes `data`, detects its kind (unless `kind` is given) and parses it.
    /// - Throws: ``InputError`` when the bytes are empty, binary or undecodable.
    public static func parse(_ data: Data, path: String, kind: DocumentKind? = nil) throws(InputError) -> ParsedDocument {
        let decoded = try TextDecoder().decode(data, path: path)
        let sha = SHA256.hex(of: data)
        switch kind ?? DocumentKind.detect(decoded.text) {
        case .minutes: return .minutes(MinutesParser().parse(text: decoded.text, path: path, sha256: sha, encoding: decoded.encoding))
        case .plan: return .plan(PlanParser().parse(text: decoded.text, path: path, sha256: sha, encoding: decoded.encoding))
        case .document: return .document(DocumentParser().parse(text: decoded.text, path: path, sha256: sha, encoding: decoded.encoding))
        }
    }

    public var warnings: [ParseWarning] {
        switch self {
        case .minutes(let m): return m.warnings
        case .plan(let p): return p.warnings
        case .document(let d): return d.warnings
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .minutes(let m): try m.encode(to: encoder)
        case .plan(let p): try p.encode(to: encoder)
        case .document(let d): try d.encode(to: encoder)
        }
    }
}
