import Foundation

/// How much of one input is read: the file's size, and what a DOCX entry may inflate to.
/// A file beyond a limit is an error that names it, never memory run out.
///
/// The defaults, 256 MB and 64 MB, are far above any record (a plenary day's verbatim
/// record is under 1 MB; a DOCX's XML a few MB); `GIJIROKU_MAX_FILE_MB` and
/// `GIJIROKU_MAX_ZIP_ENTRY_MB` change them for a process, `--max-file-size` for one run.
///
/// ```swift
/// let file = try SourceFile(path: "big.txt", limits: InputLimits(fileSize: 8 << 20))
/// // a 9 MB file: InputError "big.txt: error: … 8 MB を超えています"
/// ```
public struct InputLimits: Sendable, Equatable {
    /// The largest file read, in bytes.
    public var fileSize: Int
    /// The most a DOCX entry may inflate to, in bytes.
    public var zipEntrySize: Int

    public init(fileSize: Int = InputLimits.standard.fileSize, zipEntrySize: Int = InputLimits.standard.zipEntrySize) {
        self.fileSize = fileSize
        self.zipEntrySize = zipEntrySize
    }

    private init(environment: [String: String]) {
        func megabytes(_ name: String, _ fallback: Int) -> Int {
            if let value = environment[name], let mb = Int(value), mb > 0, mb <= 1 << 20 { return mb << 20 }
            return fallback << 20
        }
        fileSize = megabytes("GIJIROKU_MAX_FILE_MB", 256)
        zipEntrySize = megabytes("GIJIROKU_MAX_ZIP_ENTRY_MB", 64)
    }

    /// 256 MB and 64 MB, or what the environment says.
    public static let standard = InputLimits(environment: ProcessInfo.processInfo.environment)
}
