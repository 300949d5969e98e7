import Foundation

/// Expands the paths given on the command line into the files to read: a directory is
/// walked in sorted order and yields the files whose type Gijiroku reads; a file named
/// explicitly is always read.
enum InputFiles {
    static let readableExtensions: Set<String> = ["txt", "text", "md", "markdown", "pdf", "docx"]

    /// - Parameter includeBrokenLinks: also list every other file, and links that point to
    ///   nothing, so that `convert` can say what it did with each.
    static func expand(_ paths: [String], includeBrokenLinks: Bool = false) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" { files.append(path); continue }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { missing.append(path); continue }
            guard isDirectory.boolValue else { files.append(path); continue }
            var found: [String] = []
            if let walker = fm.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") { continue }
                    let ext = (name as NSString).pathExtension.lowercased()
                    guard includeBrokenLinks || readableExtensions.contains(ext) else { continue }
                    if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                    let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub) {
                        if !sub.boolValue { found.append(full) }
                    } else if includeBrokenLinks, (try? fm.destinationOfSymbolicLink(atPath: full)) != nil {
                        found.append(full)
                    }
                }
            }
            files += found.sorted()
        }
        return (files, missing)
    }
}

/// Reads all of standard input.
public func readStandardInput() -> [UInt8] {
    [UInt8](FileHandle.standardInput.readDataToEndOfFile())
}
