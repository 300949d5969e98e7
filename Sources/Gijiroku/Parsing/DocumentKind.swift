import Foundation

/// Which kind of document a text is, so the right parser reads it.
///
/// A plan has chapters (`第N章`) with `現状と課題` or `施策展開`; anything else is read as
/// minutes (a text that is not minutes still gives a record, with warnings). `--kind`
/// overrides the detection.
///
/// ```swift
/// DocumentKind.detect("第 1 章\n…\n施策展開\n…")   // .plan
/// ```
public enum DocumentKind: String, Sendable, CaseIterable {
    case minutes, plan

    public static func detect(_ text: String) -> DocumentKind {
        // Most documents are minutes: rule them out by bytes before looking at lines.
        guard UTF8Search.contains(text, "章"),
              UTF8Search.contains(text, "施策展開") || UTF8Search.contains(text, "現状と課題") else { return .minutes }
        var chapter = false, planLabel = false
        for line in SourceLine.split(text).prefix(5_000) where !line.isBlank {
            switch PlanLineClassifier.classify(line) {
            case .chapter: chapter = true
            case .issuesLabel, .measuresLabel: planLabel = true
            default: break
            }
            if chapter && planLabel { return .plan }
        }
        return .minutes
    }
}

/// A parsed document of either kind.
public enum ParsedDocument: Sendable, Encodable {
    case minutes(Minutes)
    case plan(Plan)

    /// Decodes `data`, detects its kind (unless `kind` is given) and parses it.
    /// - Throws: ``InputError`` when the bytes are empty, binary or undecodable.
    public static func parse(_ data: Data, path: String, kind: DocumentKind? = nil) throws(InputError) -> ParsedDocument {
        let decoded = try TextDecoder().decode(data, path: path)
        let sha = SHA256.hex(of: data)
        switch kind ?? DocumentKind.detect(decoded.text) {
        case .minutes: return .minutes(MinutesParser().parse(text: decoded.text, path: path, sha256: sha, encoding: decoded.encoding))
        case .plan: return .plan(PlanParser().parse(text: decoded.text, path: path, sha256: sha, encoding: decoded.encoding))
        }
    }

    public var warnings: [ParseWarning] {
        switch self {
        case .minutes(let m): return m.warnings
        case .plan(let p): return p.warnings
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .minutes(let m): try m.encode(to: encoder)
        case .plan(let p): try p.encode(to: encoder)
        }
    }
}
