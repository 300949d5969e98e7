import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuInput

/// Measures the plan linker against a gold file: precision and recall of the links it
/// makes (at most three per element) for the elements the gold file lists.
///
/// The gold file (`Corpus/gold/links.json`) lists plans and, for each scored minutes
/// element (found by its file, kind and a quote unique within that file), the plan item
/// IDs it is about; an empty list means it should link to nothing.
///
/// ```swift
/// let result = try LinkEvaluation.run(gold: "Corpus/gold/links.json")
/// print(result.precision, result.recall)
/// ```
public enum LinkEvaluation {
    /// The linker's parameters; `nil` keeps the value the linker uses.
    public struct Parameters: Sendable, Hashable {
        public var minimumScore: Double?
        public var relativeScore: Double?
        public var titleWeight: Double?
        public var contextWeight: Double?
        public var lengthNormalisation: Double?

        public init(minimumScore: Double? = nil, relativeScore: Double? = nil, titleWeight: Double? = nil,
                    contextWeight: Double? = nil, lengthNormalisation: Double? = nil) {
            self.minimumScore = minimumScore
            self.relativeScore = relativeScore
            self.titleWeight = titleWeight
            self.contextWeight = contextWeight
            self.lengthNormalisation = lengthNormalisation
        }
    }

    public struct Result: Sendable {
        /// The parameters in effect, every one filled in.
        public var parameters: Parameters
        public var minimumScore: Double { parameters.minimumScore ?? 0 }
        public var relativeScore: Double { parameters.relativeScore ?? 0 }
        /// Gold pairs (element, item), links made, and links that are gold.
        public var goldPairs = 0, predicted = 0, correct = 0
        /// Elements the gold file lists, and those of them that should link to nothing.
        public var elements = 0, emptyElements = 0
        /// Elements that should link to nothing and got no link.
        public var emptyCorrect = 0
        /// Each wrong or missing link, for reading: `file:line kind: +item` (extra) or `-item` (missed).
        public var mistakes: [String] = []

        public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
        public var recall: Double { goldPairs == 0 ? 1 : Double(correct) / Double(goldPairs) }
        public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

        /// Both results' counts together (the same parameters): two gold sets scored as one.
        public func adding(_ other: Result) -> Result {
            var r = self
            r.goldPairs += other.goldPairs; r.predicted += other.predicted; r.correct += other.correct
            r.elements += other.elements; r.emptyElements += other.emptyElements; r.emptyCorrect += other.emptyCorrect
            r.mistakes += other.mistakes
            return r
        }
    }

    /// The folder a gold file's documents are in, or `nil` when it does not exist (the
    /// reference gold without `../shared`).
    public static func root(of path: String) throws -> String? {
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        let folder = (path as NSString).deletingLastPathComponent
        let root = gold.root.map { (folder as NSString).appendingPathComponent($0) } ?? (folder as NSString).deletingLastPathComponent
        return FileManager.default.fileExists(atPath: root) ? (root as NSString).standardizingPath : nil
    }

    struct Gold: Decodable {
        struct Element: Decodable { var file: String; var kind: String; var quote: String; var items: [String]; var reason: String? }
        /// The folder indexed, relative to the gold file's folder (by default its parent:
        /// `Corpus/gold/links.json` indexes `Corpus`).
        var root: String?
        var plans: [String]
        var elements: [Element]
    }

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// Scores the linker on `gold`, with the linker's thresholds or the ones given.
    public static func run(gold path: String, _ parameters: Parameters = Parameters()) throws -> Result {
        try runGrid(gold: path, [parameters])[0]
    }

    /// Scores the linker for each set of parameters, indexing the corpus once.
    public static func runGrid(gold path: String, _ grid: [Parameters]) throws -> [Result] {
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        guard let base = try root(of: path) else { throw Problem(description: "\(path): its documents' folder does not exist") }
        // The corpus is indexed as a user would index it, into a scratch database, so the
        // term weights and units are exactly those of `gijiroku index`.
        let scratch = NSTemporaryDirectory() + "gijiroku-link-eval-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + suffix) } }
        let index = try SearchIndex(path: scratch)
        let files = (FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? [])
            .filter { ["txt", "md", "pdf", "docx"].contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted().map { base + "/" + $0 }
        let report = index.index(files: files)
        for plan in gold.plans where !report.added.contains(where: { $0.hasSuffix("/" + plan) }) {
            throw Problem(description: "\(plan): the gold plan was not indexed")
        }
        let units = try index.storedUnits()
        let background = units.concurrentMap { ContentTerms.bigrams(of: $0.unit.text) }
        let catalog = try index.loadCatalog(units: units, terms: background)
        var cases: [(label: String, unit: LinkUnit, gold: Set<Int>)] = []
        for e in gold.elements {
            let matches = units.filter { $0.path.hasSuffix("/" + e.file) && $0.unit.kind.rawValue == e.kind && $0.unit.text.contains(e.quote) }
            guard matches.count == 1 else {
                throw Problem(description: "\(e.file): \(matches.count) \(e.kind) elements contain 「\(e.quote)」 (the gold file needs exactly one)")
            }
            var items = Set<Int>()
            for id in e.items {
                let found = (catalog.byID[id] ?? []).filter { i in gold.plans.contains { catalog.items[i].planPath.hasSuffix("/" + $0) } }
                guard found.count == 1 else {
                    throw Problem(description: "\(e.file): gold item \(id) is not exactly one item of the gold plans")
                }
                items.insert(found[0])
            }
            cases.append(("\(e.file):\(matches[0].unit.lines.start) \(e.kind)", matches[0].unit, items))
        }
        var catalogs: [Double: PlanCatalog] = [:]
        return grid.map { p in
            let titleWeight = p.titleWeight ?? PlanCatalog.defaultTitleWeight
            if catalogs[titleWeight] == nil {
                catalogs[titleWeight] = titleWeight == PlanCatalog.defaultTitleWeight ? catalog
                    : PlanCatalog(items: catalog.items, background: background, titleWeight: titleWeight)
            }
            var linker = PlanLinker(catalog: catalogs[titleWeight]!)
            if let v = p.minimumScore { linker.minimumScore = v }
            if let v = p.relativeScore { linker.relativeScore = v }
            if let v = p.contextWeight { linker.contextWeight = v }
            if let v = p.lengthNormalisation { linker.lengthNormalisation = v }
            var r = Result(parameters: Parameters(minimumScore: linker.minimumScore, relativeScore: linker.relativeScore, titleWeight: titleWeight,
                                                  contextWeight: linker.contextWeight, lengthNormalisation: linker.lengthNormalisation))
            for c in cases {
                let made = Set(linker.links(for: c.unit).map(\.item))
                r.elements += 1
                r.goldPairs += c.gold.count
                r.predicted += made.count
                r.correct += made.intersection(c.gold).count
                if c.gold.isEmpty { r.emptyElements += 1; if made.isEmpty { r.emptyCorrect += 1 } }
                for i in made.subtracting(c.gold).sorted() { r.mistakes.append("\(c.label): +\(catalog.items[i].id) \(catalog.items[i].title)") }
                for i in c.gold.subtracting(made).sorted() { r.mistakes.append("\(c.label): -\(catalog.items[i].id) \(catalog.items[i].title)") }
            }
            return r
        }
    }
}
