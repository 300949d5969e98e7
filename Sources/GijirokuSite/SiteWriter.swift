import Foundation
import Gijiroku
#if canImport(Glibc)
import Glibc
/// The system's `write(2)` (the writer's own `write` method hides the plain name).
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a site beside the one it replaces and swaps them at the end, so a run that is
/// killed or fails leaves the previous site as it was; a file whose content has not changed
/// is not written again but linked from the previous site (the counts say how many of each).
///
/// The site's folder holds a manifest (`.gijiroku-site`: every file and its SHA-256); a
/// folder that exists without one is not a site Gijiroku wrote and is never written into.
/// A file someone put into the site that the manifest does not list is kept in the new
/// site, and a run that would write over it stops with an error naming it.
///
/// ```swift
/// var writer = try SiteWriter(destination: URL(fileURLWithPath: "site"))
/// try writer.write("index.html", Data(page.utf8))
/// let counts = try writer.commit()   // counts.written, counts.unchanged, counts.removed
/// ```
struct SiteWriter {
    static let manifestName = ".gijiroku-site"

    let destination: URL
    /// The folder the new site is written to, beside the destination.
    let staging: URL
    private let previous: [String: String]
    private var current: [String: String] = [:]
    /// Files in the site's folder that no run wrote (relative paths): kept, never overwritten.
    private let foreign: Set<String>
    private(set) var counts = SiteReport.Counts()
    /// The size of every file of the new site, written or kept.
    private(set) var bytes = 0

    init(destination: URL) throws(SiteError) {
        self.destination = destination.standardizedFileURL
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let manifest = self.destination.appendingPathComponent(Self.manifestName)
        if fm.fileExists(atPath: self.destination.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SiteError(.notAFolder(path: destination.path)) }
            let entries = (try? fm.contentsOfDirectory(atPath: self.destination.path)) ?? []
            if !entries.isEmpty, !fm.fileExists(atPath: manifest.path) {
                throw SiteError(.notASite(path: destination.path))
            }
        }
        previous = Self.readManifest(manifest)
        var foreign = Set<String>()
        if let walker = fm.enumerator(atPath: self.destination.path) {
            for case let path as String in walker where path != Self.manifestName && previous[path] == nil {
                var isFolder: ObjCBool = false
                if fm.fileExists(atPath: self.destination.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                    foreign.insert(path)
                }
            }
        }
        self.foreign = foreign
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).partial-\(getpid())")
        // What a killed run left: only folders of this name that hold a staging mark.
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(".\(name).partial-") || entry.hasPrefix(".\(name).old-") {
            let folder = parent.appendingPathComponent(entry)
            if fm.fileExists(atPath: folder.appendingPathComponent(Self.stagingMark).path) || fm.fileExists(atPath: folder.appendingPathComponent(Self.manifestName).path) {
                try? fm.removeItem(at: folder)
            }
        }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data().write(to: staging.appendingPathComponent(Self.stagingMark))
        } catch {
            throw SiteError(.cannotWrite(path: staging.path, reason: error.localizedDescription))
        }
    }

    /// Marks a folder as a run's unfinished site (removed by the next run).
    private static let stagingMark = ".gijiroku-partial"

    /// Writes one file of the new site (a relative path), or links the previous site's copy
    /// when the content is the same.
    mutating func write(_ path: String, _ content: Data, isPage: Bool) throws(SiteError) {
        guard !foreign.contains(path) else {
            throw SiteError(.wouldOverwrite(path: destination.appendingPathComponent(path).path))
        }
        let digest = SHA256.hex(of: content)
        current[path] = digest
        bytes += content.count
        let target = staging.appendingPathComponent(path)
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if previous[path] == digest {
                let old = destination.appendingPathComponent(path)
                if link(old.path, target.path) == 0 {
                    if isPage { counts.pagesUnchanged += 1 } else { counts.dataUnchanged += 1 }
                    return
                }
            }
            try Self.create(target.path, content)
            if isPage { counts.pagesWritten += 1 } else { counts.dataWritten += 1 }
        } catch {
            throw SiteError(.cannotWrite(path: destination.appendingPathComponent(path).path, reason: error.localizedDescription))
        }
    }

    /// Writes the manifest and puts the new site in place of the old one.
    mutating func commit() throws(SiteError) -> SiteReport.Counts {
        counts.removed = previous.keys.filter { current[$0] == nil }.count
        let fm = FileManager.default
        for path in foreign.sorted() {
            let target = staging.appendingPathComponent(path)
            try? fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard link(destination.appendingPathComponent(path).path, target.path) == 0 else {
                throw SiteError(.cannotWrite(path: target.path, reason: String(cString: strerror(errno))))
            }
        }
        let manifest = current.keys.sorted().map { current[$0]! + "  " + $0 }.joined(separator: "\n") + "\n"
        do {
            try Data(manifest.utf8).write(to: staging.appendingPathComponent(Self.manifestName))
            try fm.removeItem(at: staging.appendingPathComponent(Self.stagingMark))
        } catch {
            throw SiteError(.cannotWrite(path: staging.path, reason: error.localizedDescription))
        }
        if !fm.fileExists(atPath: destination.path) {
            guard rename(staging.path, destination.path) == 0 else {
                throw SiteError(.cannotWrite(path: destination.path, reason: String(cString: strerror(errno))))
            }
            return counts
        }
        // Both names always exist: exchanged in one step where the system can, else the old
        // site is moved aside first (for an instant the destination is missing).
        if !Self.exchange(staging.path, destination.path) {
            let aside = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
            guard rename(destination.path, aside.path) == 0, rename(staging.path, destination.path) == 0 else {
                throw SiteError(.cannotWrite(path: destination.path, reason: String(cString: strerror(errno))))
            }
            try? fm.removeItem(at: aside)
            return counts
        }
        try? fm.removeItem(at: staging)   // now the previous site
        return counts
    }

    /// Writes a new file with plain `open`/`write`: Foundation's `Data.write(to:)` syncs every
    /// file to disk, which for the tens of thousands of files of a large site cost more than
    /// rendering them. A run killed part way loses nothing: the previous site is still in place.
    private static func create(_ path: String, _ content: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        try content.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += n
            }
        }
    }

    /// Removes the unfinished site (after a failure).
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    private static func readManifest(_ url: URL) -> [String: String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            out[String(line[line.index(space, offsetBy: 2)...])] = String(line[..<space])
        }
        return out
    }

    /// `renameat2(…, RENAME_EXCHANGE)` on Linux, looked up at run time (Swift's Glibc module
    /// does not declare it).
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
        #else
        return false
        #endif
    }
}
