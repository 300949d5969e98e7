import GijirokuMessages

/// Why a site could not be written, with the folder or file it concerns.
///
/// ```swift
/// SiteError(.notASite(path: "docs")).message.text(in: .english)
/// // "docs exists and is not a site Gijiroku wrote (it has no .gijiroku-site); choose an empty or new folder"
/// ```
public struct SiteError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The destination exists and is a file.
        case notAFolder(path: String)
        /// The destination is a folder with files in it and no manifest: not ours to replace.
        case notASite(path: String)
        case cannotWrite(path: String, reason: String)
        /// A file in the site's folder that Gijiroku did not write has the name of one it would write.
        case wouldOverwrite(path: String)
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    public var message: Message {
        switch reason {
        case .notAFolder(let path): Message(.siteNotAFolder, ["path": path])
        case .notASite(let path): Message(.siteNotASite, ["path": path, "manifest": SiteWriter.manifestName])
        case .cannotWrite(let path, let reason): Message(.siteCannotWrite, ["path": path, "reason": reason])
        case .wouldOverwrite(let path): Message(.siteWouldOverwrite, ["path": path])
        }
    }

    public var description: String { message.text(in: .english) }
}
