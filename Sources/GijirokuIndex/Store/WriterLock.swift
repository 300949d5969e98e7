import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer at a time on an index: an advisory lock on `INDEX.lock` beside the database,
/// held while the writer works and released when it ends (or dies: the system drops the
/// lock with the process). A second `gijiroku index`, or `directives set`, waits for the
/// first instead of failing half-way through with "database is locked"; readers never take
/// it (the write-ahead log lets them read while a writer works).
///
/// ```swift
/// let lock = try WriterLock.acquire(for: db, timeout: 600) { print("waiting for another index run…") }
/// defer { lock.release() }
/// ```
public final class WriterLock: @unchecked Sendable {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// Takes the lock, calling `waiting` once if another writer holds it, and waiting up to
    /// `timeout` seconds.
    /// - Throws: ``IndexError`` `.busy` when the other writer still holds it at the timeout,
    ///   or when the lock file cannot be made.
    public static func acquire(for database: String, timeout: Double, waiting: () -> Void) throws(IndexError) -> WriterLock {
        let path = database + ".lock"
        try? FileManager.default.createDirectory(atPath: (database as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IndexError(.busy(path: database, seconds: 0)) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return WriterLock(fd: fd) }
        waiting()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            usleep(100_000)
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return WriterLock(fd: fd) }
        }
        close(fd)
        throw IndexError(.busy(path: database, seconds: Int(timeout)))
    }

    /// Gives the lock back (also done when the object goes away).
    public func release() { flock(fd, LOCK_UN) }

    deinit { close(fd) }
}
