import Foundation

/// A program run to its end, its standard output and standard error read from one pipe, in
/// the order it wrote them (as `2>&1` shows them).
///
/// ```swift
/// let (status, output) = try Subprocess.run("/usr/bin/env", ["python3", "--version"])
/// ```
public enum Subprocess {
    /// Runs `executable` with `arguments` (in `environment`, or this process's): its exit
    /// status and everything it wrote.
    public static func run(_ executable: String, _ arguments: [String],
                           environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
