import Foundation
import GijirokuMessages
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream that also takes bytes as they are (JSON written as UTF-8 needs no `String`).
protocol ByteOutputStream: TextOutputStream {
    mutating func write(bytes: [UInt8])
}

/// Standard output or standard error as a `TextOutputStream`, for the real binary;
/// tests pass a `String` instead.
///
/// Bytes go to the file descriptor with `write(2)`, with no copy in between. A closed pipe
/// (`gijiroku parse … | head -1`) ends the process quietly with SIGPIPE, as it ends `cat`,
/// even where SIGPIPE was ignored (the write then fails with `EPIPE`); any other failure (a
/// full disk) is said on standard error, and the process exits with 74 rather than go on
/// writing nothing.
public struct StandardStream: ByteOutputStream {
    let handle: FileHandle

    /// Standard output.
    public static var output: StandardStream { StandardStream(handle: .standardOutput) }
    /// Standard error.
    public static var error: StandardStream { StandardStream(handle: .standardError) }

    /// Writes `string` as UTF-8.
    public mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { write($0) }
    }

    mutating func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    /// The reader has gone: nothing more can be said to anyone. The process ends as SIGPIPE
    /// ends it by default (status 141 in a shell), whatever the signal's disposition was.
    private static func endAsClosedPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(128 + SIGPIPE)
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = Foundation.write(handle.fileDescriptor, next, left)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { Self.endAsClosedPipe() }
                let reason = String(cString: strerror(errno))
                let text = Message(.outputWriteFailed, ["reason": reason]).text(in: Language(environment: ProcessInfo.processInfo.environment))
                FileHandle.standardError.write(Data("gijiroku: error: \(text)\n".utf8))
                exit(74)
            }
            next += n
            left -= n
        }
    }
}
