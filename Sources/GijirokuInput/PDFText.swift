import Foundation
import Gijiroku

/// The text of a PDF file, through poppler's `pdftotext` (Debian: `poppler-utils`), found on
/// `PATH`. A missing program, an encrypted or a broken PDF is an ``InputError`` that says so.
///
/// ```swift
/// let text = try PDFText.extract(path: "議事概要.pdf")
/// ```
enum PDFText {
    /// `pdftotext` on PATH, if any.
    static var program: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func extract(path: String) throws(InputError) -> Data {
        guard let program else {
            throw InputError(path: path, reason: .pdfToolMissing)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-enc", "UTF-8", path, "-"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw InputError(path: path, reason: .pdfToolFailed("\(error)")) }
        let text = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = message.split(separator: "\n").first.map { "（\($0)）" } ?? ""
            let encrypted = message.contains("password") || message.contains("Incorrect")
            throw InputError(path: path, reason: encrypted ? .pdfEncrypted(detail) : .pdfBroken(detail))
        }
        return text
    }
}
