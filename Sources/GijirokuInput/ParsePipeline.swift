import Foundation
import Gijiroku

/// Reads and parses many files on several threads, results in input order: the pipeline
/// `convert` and the index share.
///
/// Workers take runs of neighbouring files (which share an output folder and are often
/// alike in size). For each file, a caller may skip it before it is read (`convert`: its
/// output is fresh), or after its digest is known (the index: the stored digest is the
/// same); otherwise the record goes through `transform` on the worker thread, so that
/// rendering or preparing rows runs in parallel too.
///
/// ```swift
/// let outcomes = ParsePipeline(jobs: 2).run(paths) { _, document, _ in document.kind }
/// ```
package struct ParsePipeline: Sendable {
    /// What became of one file.
    package enum Outcome<T: Sendable>: Sendable {
        /// Skipped before it was read.
        case skipped
        /// Read, and its digest said there was nothing to do.
        case unchanged
        /// Parsed and transformed.
        case done(T)
        /// It could not be read or parsed.
        case failed(InputError)
    }

    /// How many threads read and parse.
    package let jobs: Int
    /// The kind every file is parsed as; detected when `nil`.
    package let kind: DocumentKind?
    /// How much of each file is read.
    package let limits: InputLimits

    package init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, kind: DocumentKind? = nil, limits: InputLimits = .standard) {
        self.jobs = max(1, jobs)
        self.kind = kind
        self.limits = limits
    }

    /// Runs the pipeline over `paths`.
    /// - Parameters:
    ///   - given: the bytes of files already read (standard input, `-`), by index.
    ///   - skip: whether file `i` is skipped before it is read.
    ///   - unchanged: whether file `i`, with this SHA-256, needs no parsing.
    ///   - transform: what the caller makes of file `i`'s record, on worker `worker` (0..<jobs).
    package func run<T: Sendable>(_ paths: [String],
                                 given: [Int: Data] = [:],
                                 skip: @Sendable (Int) -> Bool = { _ in false },
                                 unchanged: @Sendable (Int, String) -> Bool = { _, _ in false },
                                 transform: @Sendable (Int, ParsedDocument, Int) -> T) -> [Outcome<T>] {
        let results = Slots<Outcome<T>>(count: paths.count)
        let next = Counter()
        let jobs = self.jobs, kind = self.kind, limits = self.limits
        DispatchQueue.concurrentPerform(iterations: min(jobs, paths.count)) { worker in
            while let run = next.take(upTo: 16, sharedBy: jobs, below: paths.count) {
                for i in run {
                    if skip(i) { results.set(i, .skipped); continue }
                    do throws(InputError) {
                        let file: SourceFile
                        if let data = given[i] { file = SourceFile(path: paths[i], data: data, limits: limits) } else { file = try SourceFile(path: paths[i], limits: limits) }
                        if unchanged(i, file.sha256) { results.set(i, .unchanged); continue }
                        results.set(i, .done(transform(i, try file.parse(kind: kind), worker)))
                    } catch {
                        results.set(i, .failed(error))
                    }
                }
            }
        }
        return results.values
    }
}

/// Hands out runs of indexes to workers: long runs while many are left, shorter ones
/// towards the end, so that no worker is left with a long run while the others wait.
final class Counter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()
    /// The next run of at most `longest` indexes below `limit` (a share of what is left
    /// among `workers`), if any are left.
    func take(upTo longest: Int, sharedBy workers: Int, below limit: Int) -> Range<Int>? {
        lock.lock(); defer { lock.unlock() }
        guard next < limit else { return nil }
        let count = max(1, min(longest, (limit - next) / (2 * workers)))
        next += count
        return (next - count)..<next
    }
}
