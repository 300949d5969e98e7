import Foundation
import Gijiroku

/// Does the work of `gijiroku convert`: parses chunks of files concurrently and writes
/// their outputs atomically, in input order.
struct Converter {
    struct Failure: Codable { let path: String; let reason: String; let line: Int? }

    let outputDirectory: String
    let format: ConvertCommand.Format
    let jobs: Int
    let force: Bool
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
    private var exchanges: FileHandle?
    private var directives: FileHandle?

    init(outputDirectory: String, format: ConvertCommand.Format, jobs: Int, force: Bool) {
        self.outputDirectory = outputDirectory
        self.format = format
        self.jobs = jobs
        self.force = force
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
            exchanges = try Self.create(temporary + "/exchanges.csv")
            directives = try Self.create(temporary + "/directives.csv")
            exchanges?.write(Data([0xEF, 0xBB, 0xBF] + Array(CSV.row(CSV.exchangeHeader).utf8)))
            directives?.write(Data([0xEF, 0xBB, 0xBF] + Array(CSV.row(CSV.directiveHeader).utf8)))
        default:
            break
        }
    }

    private static func create(_ path: String) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    /// The output path of a file, for per-file formats.
    func outputPath(_ entry: ArchiveFiles.Entry) -> String {
        let ext = format == .markdown ? "md" : "json"
        return outputDirectory + "/" + (entry.relative as NSString).deletingPathExtension + "." + ext
    }

    static let ignoredExtensions: Set<String> = ["json", "jsonl", "csv"]

    /// What a worker produced for one file.
    private enum Result: Sendable {
        /// `text` is empty when the worker already wrote the output (per-file formats).
        case converted(kind: String, encoding: String, warnings: Int, text: [String])
        case skipped
        case ignored
        case failed(String, line: Int?)
    }

    mutating func fail(_ path: String, reason: String, line: Int?) {
        failures.append(Failure(path: path, reason: reason, line: line))
        summary.failed += 1
    }

    /// Converts one chunk: parses on `jobs` threads, then writes in order.
    mutating func convert(_ chunk: [ArchiveFiles.Entry]) {
        let results = ResultSlots<Result>(count: chunk.count)
        let this = self
        let next = Counter()
        // Workers take runs of neighbouring files, which share an output folder: two workers
        // rarely create and rename files in the same folder at once.
        let run = max(1, min(16, chunk.count / (2 * jobs)))
        DispatchQueue.concurrentPerform(iterations: min(jobs, chunk.count)) { worker in
            while let start = next.take(run, below: chunk.count) {
                for i in start..<min(start + run, chunk.count) { results.set(i, this.process(chunk[i], worker: worker)) }
            }
        }
        for (entry, result) in zip(chunk, results.values) {
            switch result {
            case .skipped:
                summary.skipped += 1
            case .ignored:
                summary.ignored += 1
            case .failed(let reason, let line):
                fail(entry.path, reason: reason, line: line)
            case .converted(let kind, let encoding, let warnings, let texts):
                summary.converted += 1
                summary.kinds[kind, default: 0] += 1
                summary.encodings[encoding, default: 0] += 1
                summary.warnings += warnings
                switch format {
                case .jsonl: combined?.write(Data((texts[0] + "\n").utf8))
                case .csv:
                    exchanges?.write(Data(texts[0].utf8))
                    directives?.write(Data(texts[1].utf8))
                default:
                    break   // written by the worker
                }
            }
        }
    }

    /// Reads and parses one file (on a worker thread).
    private func process(_ entry: ArchiveFiles.Entry, worker: Int) -> Result {
        let ext = (entry.path as NSString).pathExtension.lowercased()
        if Self.ignoredExtensions.contains(ext) { return .ignored }
        if format == .json || format == .markdown, reuse, isFresh(output: outputPath(entry), input: entry.path) { return .skipped }
        do {
            let document = try ParsedDocument.read(path: entry.path)
            var texts = try render(document)
            if format == .json || format == .markdown {
                // Per-file outputs do not depend on order: the worker writes its own.
                do { try writeAtomically(texts[0], to: outputPath(entry), worker: worker) }
                catch { return .failed("出力を書けません: \(error)", line: nil) }
                texts = []
            }
            return .converted(kind: document.kind, encoding: document.source.encoding.rawValue,
                              warnings: document.warnings.count, text: texts)
        } catch let error as InputError {
            return .failed(error.message, line: error.line)
        } catch {
            return .failed("\(error)", line: nil)
        }
    }

    private func render(_ document: ParsedDocument) throws -> [String] {
        switch format {
        case .json: return [try RecordEncoder.json(document)]
        case .jsonl: return [try RecordEncoder.jsonLine(document)]
        case .markdown:
            switch document {
            case .minutes(let m): return [MarkdownRenderer().render(m)]
            case .plan(let p): return [PlanMarkdownRenderer().render(p)]
            case .document(let d): return [DocumentMarkdownRenderer().render(d)]
            }
        case .csv:
            guard case .minutes(let m) = document else { return ["", ""] }
            return [CSV.exchanges(of: m), CSV.directives(of: m)]
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
        try exchanges?.close()
        try directives?.close()
        func place(_ name: String) throws {
            if rename(temporary + "/" + name, outputDirectory + "/" + name) != 0 { throw CocoaError(.fileWriteUnknown) }
        }
        switch format {
        case .jsonl: try place("records.jsonl")
        case .csv: try place("exchanges.csv"); try place("directives.csv")
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

/// Results of concurrent workers, one slot each.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { lock.lock(); slots[i] = value; lock.unlock() }
    var values: [T] { slots.map { $0! } }
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

/// Hands out indexes to workers.
private final class Counter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()
    /// The first of the next `count` indexes below `limit`, if any are left.
    func take(_ count: Int, below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < limit else { return nil }
        next += count
        return next - count
    }
}
