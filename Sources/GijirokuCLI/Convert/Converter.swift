import Foundation
import Gijiroku
import GijirokuInput
import GijirokuMessages

/// Does the work of `gijiroku convert`: parses chunks of files through ``ParsePipeline`` and
/// writes their outputs atomically, in input order.
struct Converter {
    /// An input that could not be converted: a line of `failures.jsonl` (its reason in Japanese).
    struct Failure: Encodable {
        let path: String
        let message: Message
        let line: Int?
        enum CodingKeys: String, CodingKey { case path, reason, line }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(message.text(in: .japanese), forKey: .reason)
            try c.encodeIfPresent(line, forKey: .line)
        }
    }

    let outputDirectory: String
    let format: ConvertCommand.Format
    /// The language of CSV headers and values.
    let csvLanguage: Language
    /// The tables of `--format csv`, in `csvLanguage`.
    private let csvTables: [(file: String, header: [MessageKey], rows: @Sendable (Minutes) -> String)]
    let jobs: Int
    let force: Bool
    /// How much of each file is read.
    let limits: InputLimits
    private(set) var summary = ConvertSummary()
    private(set) var failures: [Failure] = []
    private var temporary: String { outputDirectory + "/.gijiroku-tmp" }
    private var versionFile: String { outputDirectory + "/.gijiroku-version" }
    /// Outputs may be reused only when made by this version.
    private var reuse = false
    /// Output folders already made, so each is created once, not once per file.
    private let madeFolders = FolderSet()
    private var combined: FileHandle?
    private var combinedPath = ""
    /// The CSV tables being written, in the order of ``CSV/tables(in:)``.
    private var tables: [FileHandle] = []

    init(outputDirectory: String, format: ConvertCommand.Format, jobs: Int, force: Bool, limits: InputLimits = .standard,
         csvLanguage: Language = .english) {
        self.outputDirectory = outputDirectory
        self.format = format
        self.csvLanguage = csvLanguage
        self.csvTables = CSV.tables(in: csvLanguage)
        self.jobs = jobs
        self.force = force
        self.limits = limits
    }

    /// Creates the output directory, clears what a killed run left in the temporary folder,
    /// and opens combined outputs (written to temporary files, renamed at the end).
    mutating func prepare() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        try? fm.removeItem(atPath: temporary)
        try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        // Outputs are reused only when this version made them. A new output directory is
        // stamped at once, so a run killed half-way is resumed by the next; a directory
        // made by another version (or by nobody knows which) is stamped only at the end.
        let version = try? String(contentsOfFile: versionFile, encoding: .utf8)
        let empty = ((try? fm.contentsOfDirectory(atPath: outputDirectory)) ?? []).allSatisfy { $0.hasPrefix(".gijiroku") }
        if version == GijirokuCommand.version {
            reuse = !force
        } else if version == nil && empty {
            try writeAtomically(GijirokuCommand.version, to: versionFile)
            reuse = !force
        } else {
            try? fm.removeItem(atPath: versionFile)
            reuse = false
        }
        switch format {
        case .jsonl:
            combinedPath = temporary + "/records.jsonl"
            combined = try Self.create(combinedPath)
        case .csv:
            for table in csvTables {
                let handle = try Self.create(temporary + "/" + table.file)
                handle.write(Data([0xEF, 0xBB, 0xBF] + Array(CSV.header(table.header, in: csvLanguage).utf8)))
                tables.append(handle)
            }
        default:
            break
        }
    }

    private static func create(_ path: String) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    /// The output path of a file, for per-file formats; a page of several meetings writes
    /// one output per meeting (`name.1.json`, `name.2.json` …).
    func outputPath(_ entry: FileWalker.Entry, part: Int? = nil) -> String {
        let ext = format == .markdown ? "md" : "json"
        return outputDirectory + "/" + (entry.relative as NSString).deletingPathExtension + (part.map { "." + String($0) } ?? "") + "." + ext
    }

    /// Which input each per-file output of this run was claimed by: two inputs that would
    /// write one output (`a.txt` and `a.html` → `a.json`) are never both written.
    private var claimed: [String: String] = [:]

    static let ignoredExtensions: Set<String> = ["json", "jsonl", "csv"]

    /// What a worker made of one file it parsed.
    private enum Converted: Sendable {
        /// `texts` is empty when the worker already wrote the output (per-file formats).
        case converted(kind: String, encoding: String, warnings: Int, texts: [String])
        case failed(Message)
    }

    mutating func fail(_ path: String, _ message: Message, line: Int?) {
        failures.append(Failure(path: path, message: message, line: line))
        summary.failed += 1
    }

    /// Converts one chunk: parses on `jobs` threads, then writes in order.
    mutating func convert(_ chunk: [FileWalker.Entry]) {
        let perFile = format == .json || format == .markdown
        // An output another input of this run has claimed is not written again.
        var clashing: [Int: String] = [:]
        if perFile {
            for (i, entry) in chunk.enumerated() where !Self.ignoredExtensions.contains(FileName.extension(of: entry.path)) {
                let output = outputPath(entry)
                if let first = claimed[output] { clashing[i] = first } else { claimed[output] = entry.path }
            }
        }
        let this = self
        let clashes = clashing
        let outcomes = ParsePipeline(jobs: jobs, limits: limits).run(chunk.map(\.path), skip: { i in
            let entry = chunk[i]
            if Self.ignoredExtensions.contains(FileName.extension(of: entry.path)) || clashes[i] != nil { return true }
            return perFile && this.reuse && (this.isFresh(output: this.outputPath(entry), input: entry.path)
                                             || this.isFresh(output: this.outputPath(entry, part: 1), input: entry.path))
        }) { i, document, worker in
            this.process(chunk[i], document, worker: worker)
        }
        for (i, (entry, outcome)) in zip(chunk, outcomes).enumerated() {
            if let first = clashes[i] {
                fail(entry.path, Message(.convertOutputClaimed, ["output": outputPath(entry), "input": first]), line: nil)
                continue
            }
            switch outcome {
            case .skipped, .unchanged:
                if Self.ignoredExtensions.contains(FileName.extension(of: entry.path)) { summary.ignored += 1 } else { summary.skipped += 1 }
            case .failed(let error):
                fail(entry.path, error.message, line: error.line)
            case .done(.failed(let message)):
                fail(entry.path, message, line: nil)
            case .done(.converted(let kind, let encoding, let warnings, let texts)):
                summary.converted += 1
                summary.kinds[kind, default: 0] += 1
                summary.encodings[encoding, default: 0] += 1
                summary.warnings += warnings
                switch format {
                case .jsonl: combined?.write(Data((texts[0] + "\n").utf8))
                case .csv:
                    for (handle, text) in zip(tables, texts) { handle.write(Data(text.utf8)) }
                default:
                    break   // written by the worker
                }
            }
        }
    }

    /// Renders one record and, for per-file formats, writes it (on a worker thread).
    private func process(_ entry: FileWalker.Entry, _ document: ParsedDocument, worker: Int) -> Converted {
        // A page of several meetings is one record per meeting.
        let records = document.meetings
        var rendered: [[String]] = []
        do { rendered = try records.map(render) } catch { return .failed(Message(.outputEncodingFailed, ["reason": "\(error)"])) }
        var texts: [String] = []
        if format == .json || format == .markdown {
            // Per-file outputs do not depend on order: the worker writes its own. A page of
            // several meetings writes its first meeting's output last: a resumed run takes that
            // one, when fresh, for the whole page, so a run killed between them leaves it out.
            for (k, record) in rendered.enumerated().reversed() {
                let path = outputPath(entry, part: records.count > 1 ? k + 1 : nil)
                do { try writeAtomically(record[0], to: path, worker: worker) }
                catch { return .failed(Message(.convertCannotWrite, ["reason": "\(error)"])) }
            }
        } else {
            // Combined outputs: each table's rows of every record, in order.
            texts = rendered.count == 1 ? rendered[0]
                : rendered[0].indices.map { t in rendered.map { $0[t] }.joined(separator: format == .jsonl ? "\n" : "") }
        }
        return .converted(kind: document.kind, encoding: document.source.encoding.rawValue, warnings: document.warnings.count, texts: texts)
    }

    private func render(_ document: ParsedDocument) throws -> [String] {
        switch format {
        case .json: return [try RecordEncoder.json(document)]
        case .jsonl: return [try RecordEncoder.jsonLine(document)]
        case .markdown: return [Markdown.render(document)]
        case .csv:
            guard case .minutes(let m) = document else { return csvTables.map { _ in "" } }
            return csvTables.map { $0.rows(m) }
        }
    }

    private func isFresh(output: String, input: String) -> Bool {
        let fm = FileManager.default
        guard let attributes = try? fm.attributesOfItem(atPath: output),
              let out = attributes[.modificationDate] as? Date, (attributes[.size] as? Int ?? 0) > 0,
              let inp = try? fm.attributesOfItem(atPath: input)[.modificationDate] as? Date else { return false }
        // An empty output is never fresh: a record is never empty, and a power cut before the
        // end-of-run flush can leave a renamed file without its data.
        return out > inp
    }

    /// Writes to the temporary folder, then renames into place: never a half-written output.
    /// Each worker stages in its own folder, so workers do not wait on one folder's lock.
    private func writeAtomically(_ text: String, to path: String, worker: Int = 0) throws {
        try madeFolders.ensure((path as NSString).deletingLastPathComponent)
        let stage = temporary + "/\(worker)"
        try madeFolders.ensure(stage)
        let staging = stage + "/" + UUID().uuidString
        try Self.write(text, to: staging)
        if rename(staging, path) != 0 { throw CocoaError(.fileWriteUnknown) }
    }

    /// Writes `text` to a new file with plain POSIX calls: no `fsync` per file (Foundation's
    /// `Data.write` syncs every file, which serialises workers on the disk's journal).
    private static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        var text = text
        try text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 { if errno == EINTR { continue }; throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path]) }
                offset += n
            }
        }
    }

    /// Moves combined outputs into place, writes `failures.jsonl` and the version stamp.
    mutating func finish() throws {
        let fm = FileManager.default
        try combined?.close()
        for handle in tables { try handle.close() }
        func place(_ name: String) throws {
            if rename(temporary + "/" + name, outputDirectory + "/" + name) != 0 { throw CocoaError(.fileWriteUnknown) }
        }
        switch format {
        case .jsonl: try place("records.jsonl")
        case .csv: for table in csvTables { try place(table.file) }
        default: break
        }
        // One flush to disk for the whole run, instead of one fsync per file: a finished run
        // is durable, and the version stamp is written after it.
        sync()
        let failuresText = failures.compactMap { try? RecordEncoder.jsonLine($0) }.map { $0 + "\n" }.joined()
        try writeAtomically(failuresText, to: outputDirectory + "/failures.jsonl")
        try writeAtomically(GijirokuCommand.version, to: versionFile)
        try? fm.removeItem(atPath: temporary)
    }
}

/// Output folders made so far, shared by the workers. A folder is created under the lock,
/// so no worker renames into a folder another worker is still creating.
private final class FolderSet: @unchecked Sendable {
    private var folders: Set<String> = []
    private let lock = NSLock()

    func ensure(_ folder: String) throws {
        lock.lock(); defer { lock.unlock() }
        guard !folders.contains(folder) else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        folders.insert(folder)
    }
}
