import Foundation

/// Reads absentees and the chair from `※` notes:
/// `※市長が欠席のため、…、髙橋副市長が議長として議事進行` → absentee 市長, chair 髙橋副市長.
///
/// ```swift
/// NoteExtractor.absentees(in: "※市長及び教育長が欠席")   // ["市長", "教育長"]
/// NoteExtractor.chair(in: "髙橋副市長が議長として議事進行")  // "髙橋副市長"
/// ```
enum NoteExtractor {
    static func absentees(in note: String) -> [String] {
        for marker in ["が欠席", "は欠席"] {
            guard let r = UTF8Search.range(of: marker, in: note) else { continue }
            let subject = clause(before: r.lowerBound, in: note)
            let listed = subject.replacingOccurrences(of: "及び", with: "、").replacingOccurrences(of: "並びに", with: "、")
            return listed.components(separatedBy: CharacterSet(charactersIn: "、,，")).map {
                TitleExtractor.trimSpaces($0)
            }.filter { !$0.isEmpty }
        }
        return []
    }

    static func chair(in note: String) -> String? {
        for marker in ["が議長として", "が座長として", "が議長を務め", "が座長を務め", "が司会として", "が議事進行"] {
            guard let r = UTF8Search.range(of: marker, in: note) else { continue }
            let subject = clause(before: r.lowerBound, in: note)
            return subject.isEmpty ? nil : subject
        }
        return nil
    }

    /// The words before `index` back to the previous clause boundary.
    private static func clause(before index: String.Index, in text: String) -> String {
        let before = text[..<index]
        let start = before.lastIndex(where: { "、。※,，:：".contains($0) }).map { before.index(after: $0) } ?? before.startIndex
        return TitleExtractor.trimSpaces(String(before[start...]))
    }
}
