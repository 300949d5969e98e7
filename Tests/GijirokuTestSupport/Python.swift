import Foundation

/// `python3`, for the checks that use Python's own libraries (`jsonschema`, `csv`).
public enum Python {
    /// Whether `python3` is on PATH.
    public static var available: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/python3")
        }
    }

    /// Whether `python3` can import `jsonschema` (`.ci/run` installs it).
    public static var hasJSONSchema: Bool { available && (try? run(["-c", "import jsonschema"]).status) == 0 }

    /// Runs `python3` with `arguments`: its exit status and its output (standard output and error).
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Validates JSON files against `Schemas/` with `.ci/validate_schemas.py`.
    public static func validateSchemas(_ files: [String]) throws -> (status: Int32, output: String) {
        try run([Repository.root.appendingPathComponent(".ci/validate_schemas.py").path] + files)
    }
}
