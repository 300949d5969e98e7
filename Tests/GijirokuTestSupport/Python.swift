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
        try Subprocess.run("/usr/bin/env", ["python3"] + arguments)
    }

    /// Validates JSON files against `Schemas/` with `.ci/validate_schemas.py`.
    public static func validateSchemas(_ files: [String]) throws -> (status: Int32, output: String) {
        try run([Repository.root.appendingPathComponent(".ci/validate_schemas.py").path] + files)
    }
}
