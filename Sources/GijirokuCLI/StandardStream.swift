import Foundation

/// Standard output or standard error as a `TextOutputStream`, for the real binary;
/// tests pass a `String` instead.
public struct StandardStream: TextOutputStream {
    let handle: FileHandle

    public static var output: StandardStream { StandardStream(handle: .standardOutput) }
    public static var error: StandardStream { StandardStream(handle: .standardError) }

    public mutating func write(_ string: String) {
        handle.write(Data(string.utf8))
    }
}
