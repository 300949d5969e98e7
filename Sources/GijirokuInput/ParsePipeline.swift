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
        let jobs = self.jobs
        DispatchQueue.concurrentPerform(iterations: min(jobs, paths.count)) { worker in
            while let run = next.take(upTo: 16, sharedBy: jobs, below: paths.count) {
                for i in run {
                    results.set(i, skip(i) ? .skipped : outcome(i, paths[i], given[i], unchanged: unchanged) { transform(i, $0, worker) })
                }
            }
        }
        return results.values
    }

    /// Runs the pipeline over `paths` and hands each file's outcome to `deliver` on the
    /// calling thread, in input order, as soon as it and every file before it are done.
    ///
    /// The workers never wait for each other: while the caller writes one record, they go
    /// on with the next files. A file is started only while fewer than `ahead` files before
    /// it wait to be delivered, so memory stays flat whatever the number of files. This is
    /// what `parse` writes its output from: the output is the same for any `jobs`.
    ///
    /// ```swift
    /// ParsePipeline(jobs: 2).stream(paths, transform: { _, document, _ in document.kind }) { i, outcome in
    ///     print(paths[i], outcome)   // in the order of `paths`
    /// }
    /// ```
    /// - Parameters:
    ///   - given: the bytes of files already read (standard input, `-`), by index.
    ///   - ahead: how many outcomes may wait for `deliver` (at least 1; 32 per job by default).
    ///   - transform: what the caller makes of file `i`'s record, on worker `worker` (0..<jobs).
    ///   - deliver: called for every file, in order, on the calling thread.
    package func stream<T: Sendable>(_ paths: [String],
                                    given: [Int: Data] = [:],
                                    ahead: Int? = nil,
                                    transform: @escaping @Sendable (Int, ParsedDocument, Int) -> T,
                                    deliver: (Int, Outcome<T>) -> Void) {
        guard !paths.isEmpty else { return }
        let handOff = InOrder<Outcome<T>>(count: paths.count, capacity: max(1, ahead ?? 32 * jobs))
        let workers = DispatchGroup()
        for worker in 0..<min(jobs, paths.count) {
            DispatchQueue.global().async(group: workers) {
                while let i = handOff.take() {
                    handOff.put(i, outcome(i, paths[i], given[i]) { transform(i, $0, worker) })
                }
            }
        }
        var i = 0
        while i < paths.count {
            for outcome in handOff.next() {
                deliver(i, outcome)
                i += 1
            }
        }
        workers.wait()
    }

    /// File `i` read, digested and parsed, its record transformed; or why not.
    private func outcome<T>(_ i: Int, _ path: String, _ given: Data?,
                            unchanged: (Int, String) -> Bool = { _, _ in false },
                            transform: (ParsedDocument) -> T) -> Outcome<T> {
        do throws(InputError) {
            let file = if let given { SourceFile(path: path, data: given, limits: limits) } else { try SourceFile(path: path, limits: limits) }
            if unchanged(i, file.sha256) { return .unchanged }
            return .done(transform(try file.parse(kind: kind)))
        } catch {
            return .failed(error)
        }
    }
}

/// Indexes handed out to workers one at a time and their results taken back in index
/// order, with fewer than `capacity` indexes handed out and not yet delivered: the
/// hand-off behind ``ParsePipeline/stream(_:given:ahead:transform:deliver:)``.
///
/// A result waits in a ring of `capacity` slots, at its index modulo `capacity`: an index
/// is handed out only while it is less than `capacity` past the first one not yet
/// delivered, so no two waiting results share a slot. The taker is woken for a batch of results in order,
/// not for each one: on two cores, waking it for every file of a folder cost a context
/// switch per file, in the middle of the workers' parsing.
final class InOrder<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ring: [T?]
    private let count: Int
    /// How many results the taker waits for (fewer at the end).
    private let batch: Int
    /// The next index to hand out to a worker.
    private var handedOut = 0
    /// The next index to take back, in order.
    private var taken = 0
    /// How many results the taker has delivered: every batch before the one it asks for.
    private var delivered = 0
    /// The first index from `taken` on whose result is not there yet.
    private var ready = 0
    private var takerWaits = false
    private var workersWaiting = 0

    init(count: Int, capacity: Int, batch: Int = 16) {
        self.count = count
        ring = Array(repeating: nil, count: max(1, min(count, capacity)))
        self.batch = max(1, min(batch, ring.count))
    }

    /// The next index to work on, once there is room for its result; `nil` when every
    /// index has been handed out.
    func take() -> Int? {
        condition.lock(); defer { condition.unlock() }
        while handedOut < count && handedOut >= delivered + ring.count {
            workersWaiting += 1
            condition.wait()
            workersWaiting -= 1
        }
        guard handedOut < count else { return nil }
        handedOut += 1
        return handedOut - 1
    }

    /// Index `i`'s result.
    func put(_ i: Int, _ result: T) {
        condition.lock(); defer { condition.unlock() }
        ring[i % ring.count] = result
        while ready < handedOut, ring[ready % ring.count] != nil { ready += 1 }
        if takerWaits, ready - taken >= batch || ready == count { condition.broadcast() }
    }

    /// The next results in order: at least one, and a batch of them unless the end comes
    /// first (every index once). Asking for them says that the last ones were delivered.
    func next() -> [T] {
        condition.lock(); defer { condition.unlock() }
        // The last batch's slots are free: a worker may be waiting for room.
        delivered = taken
        if workersWaiting > 0 { condition.broadcast() }
        let wanted = min(batch, count - taken)
        while ready - taken < wanted {
            takerWaits = true
            condition.wait()
            takerWaits = false
        }
        var results: [T] = []
        results.reserveCapacity(ready - taken)
        while taken < ready {
            results.append(ring[taken % ring.count].take()!)
            taken += 1
        }
        return results
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
