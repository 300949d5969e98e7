import Foundation
import Gijiroku
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a whole file into memory: the first stage of every parse.
///
/// Straight from the file descriptor, sized by `fstat`, with errors in plain words that name
/// the file. (It does less per file than Foundation's `Data(contentsOf:)`: no URL, one
/// `read`, no zero fill. Measured on the parse benchmark's 4 229 files, about 1.5% of the
/// end-to-end time.)
///
/// ```swift
/// let data = try FileBytes.read(path: "Corpus/minutes/shiomigawa-gyokaku-01.txt")
/// // a missing file: InputError "x.txt: error: 読み込めません: ファイルがありません"
/// ```
enum FileBytes {
    /// The file's bytes.
    /// - Parameter limit: the largest file read, in bytes (``InputLimits``).
    /// - Throws: ``InputError`` naming the file: missing, not permitted, a folder, not a
    ///   regular file (a FIFO, a socket, a device: never read, so never a hang), too large.
    static func read(path: String, limit: Int = InputLimits.standard.fileSize) throws(InputError) -> Data {
        // Opened without blocking: opening a FIFO would wait for a writer forever.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw failure(path, errno) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: throw failure(path, EISDIR)
        case S_IFREG: break
        case S_IFIFO: throw InputError(path: path, reason: .notRegularFile("FIFO"))
        case S_IFSOCK: throw InputError(path: path, reason: .notRegularFile("socket"))
        case S_IFCHR, S_IFBLK: throw InputError(path: path, reason: .notRegularFile("device"))
        default: throw InputError(path: path, reason: .notRegularFile("special file"))
        }
        guard Int(status.st_size) <= limit else { throw InputError(path: path, reason: .tooLarge(size: Int(status.st_size), limit: limit)) }
        // One byte more than the size, so that a regular file is read in one call: reading
        // less than asked is its end. Files whose size `fstat` does not know (pipes, /proc)
        // are read until a read returns nothing, the buffer growing as they come.
        let isRegular = (status.st_mode & S_IFMT) == S_IFREG
        // Into memory of our own, handed to `Data` without a copy: `Data(count:)` would first
        // fill it with zeros.
        var capacity = max(Int(status.st_size), 0) + 1
        guard var buffer = malloc(capacity) else { throw failure(path, ENOMEM) }
        var filled = 0
        while true {
            if filled == capacity {
                capacity += max(capacity, 65_536)
                guard let grown = realloc(buffer, capacity) else { free(buffer); throw failure(path, ENOMEM) }
                buffer = grown
            }
            let asked = capacity - filled
            let got = systemRead(fd, buffer + filled, asked)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                let code = errno
                free(buffer)
                throw failure(path, code)
            }
            filled += got
            if isRegular && got < asked { break }
            // A file that grew while it was read stops at the limit.
            if filled > limit { free(buffer); throw InputError(path: path, reason: .tooLarge(size: filled, limit: limit)) }
        }
        return Data(bytesNoCopy: buffer, count: filled, deallocator: .free)
    }

    private static func failure(_ path: String, _ code: Int32) -> InputError {
        switch code {
        case ENOENT: return InputError(path: path, reason: .missing)
        case EACCES, EPERM: return InputError(path: path, reason: .notPermitted)
        case EISDIR: return InputError(path: path, reason: .isFolder)
        default: return InputError(path: path, reason: .readFailed(String(cString: strerror(code))))
        }
    }
}
