import Foundation

/// Standard output or standard error as a `TextOutputStream`, for the real binary;
/// tests pass a `String` instead.
public struct StandardStream: TextOutputStream {
    let handle: FileHandle

    /// Standard output.
    public static var output: StandardStream { StandardStream(handle: .standardOutput) }
    /// Standard error.
    public static var error: StandardStream { StandardStream(handle: .standardError) }

    /// Writes `string` as UTF-8.
    public mutating func write(_ string: String) {
        handle.write(Data(string.utf8))
    }
}
