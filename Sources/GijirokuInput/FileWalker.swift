import Foundation
import Gijiroku

/// Expands the paths given on a command line into the files to read, for every command.
///
/// A folder is walked in sorted order and yields the files whose type Gijiroku reads, and
/// JSON files that are a council-minutes service's export (or,
/// with `everyFile`, every file and every link that points to nothing, so that `convert`
/// can account for each); a file named explicitly is always read; `-` is standard input.
/// Each file carries its path relative to the folder it was found in, which is where
/// `convert` writes its output.
///
/// ```swift
/// let walk = FileWalker.walk(["Corpus"])
/// walk.files.map(\.path)   // ["Corpus/documents/…", …]
/// walk.missing             // paths that name nothing
/// ```
package enum FileWalker {
    /// The extensions read when a folder is walked.
    package static let readableExtensions: Set<String> = ["txt", "text", "md", "markdown", "pdf", "docx", "html", "htm"]

    /// A file to read and where it sits under the folder it came from.
    package struct Entry: Sendable, Hashable {
        /// The path to open.
        package let path: String
        /// The path below the folder given on the command line (the file name for a file given by itself).
        package let relative: String
    }

    /// What a walk found.
    package struct Walk: Sendable {
        package var files: [Entry] = []
        /// Paths given that name nothing.
        package var missing: [String] = []
        /// Folders that could not be listed (no permission, an I/O error): what they hold was not seen.
        package var unreadable: [String] = []
    }

    package static func walk(_ inputs: [String], everyFile: Bool = false) -> Walk {
        var result = Walk()
        for input in inputs {
            if input == "-" { result.files.append(Entry(path: input, relative: input)); continue }
            var info = stat()
            guard stat(input, &info) == 0 else {
                // A link to nothing: with everyFile, report it as a file that fails rather than skip it.
                var link = stat()
                if everyFile, lstat(input, &link) == 0 {
                    result.files.append(Entry(path: input, relative: lastComponent(input)))
                } else {
                    result.missing.append(input)
                }
                continue
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                result.files.append(Entry(path: input, relative: lastComponent(input)))
                continue
            }
            var found: [String] = []
            let base = input.hasSuffix("/") ? input : input + "/"
            walk(input, everyFile: everyFile, into: &found, unreadable: &result.unreadable)
            for file in found.sorted() {
                result.files.append(Entry(path: file, relative: file.hasPrefix(base) ? String(file.dropFirst(base.count)) : lastComponent(file)))
            }
        }
        return result
    }

    static func lastComponent(_ path: String) -> String { (path as NSString).lastPathComponent }

    /// The absolute path with `.`, `..` and symbolic links resolved (`realpath`); for a path
    /// that does not exist yet (an output folder), its absolute form with `.` and `..` resolved
    /// and the links of the part that exists.
    ///
    /// ```swift
    /// FileWalker.canonical("./arch/../arch/a.txt")   // "/home/…/arch/a.txt"
    /// ```
    package static func canonical(_ path: String) -> String {
        guard path != "-" else { return path }
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        // The folder, which may exist, resolved; then the name that does not.
        guard standardized != "/", let (folder, name) = folderAndName(standardized) else { return standardized }
        return joined(canonical(folder), name)
    }

    /// An absolute path's folder and last name (`/a/b.txt` → `/a`, `b.txt`; `/b.txt` → `/`,
    /// `b.txt`), cut by characters; `nil` when it ends in no name.
    static func folderAndName(_ path: String) -> (folder: String, name: String)? {
        let name = lastComponent(path)
        guard !name.isEmpty else { return nil }
        let folder = String(path.dropLast(name.count + 1))
        return (folder.isEmpty ? "/" : folder, name)
    }

    static func joined(_ folder: String, _ name: String) -> String { folder == "/" ? "/" + name : folder + "/" + name }

    /// ``canonical(_:)`` for many paths, each folder resolved once: what `index` does to
    /// every stored path of the archive at each run (with `realpath`, a path of five folders
    /// costs five system calls; twenty thousand documents in a few hundred folders cost a
    /// few hundred, and a look at each file to see whether it is a link).
    ///
    /// ```swift
    /// var paths = FileWalker.CanonicalPaths()
    /// stored.map { paths.canonical($0) }
    /// ```
    package struct CanonicalPaths {
        private var folders: [String: String] = [:]

        package init() {}

        package mutating func canonical(_ path: String) -> String {
            guard path.hasPrefix("/"), !path.hasSuffix("/"), let (folder, name) = folderAndName(path), name != ".", name != ".." else {
                return FileWalker.canonical(path)
            }
            // A link is resolved whole: where it leads is not in its folder.
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { return FileWalker.canonical(path) }
            if folders[folder] == nil { folders[folder] = FileWalker.canonical(folder) }
            return joined(folders[folder]!, name)
        }
    }

    /// Why a path given was not found: a link that leads back to itself, a folder on the way
    /// that cannot be entered, or nothing there at all.
    package static func missingReason(_ path: String) -> MissingReason {
        var info = stat()
        if stat(path, &info) != 0 {
            switch errno {
            case ELOOP: return .symlinkLoop
            case EACCES, EPERM: return .notPermitted
            default: return .nothingThere
            }
        }
        return .nothingThere
    }

    package enum MissingReason { case nothingThere, symlinkLoop, notPermitted }

    /// Whether a JSON file is a council-minutes service export (`"tenant_minutes"` in its
    /// first 512 bytes): such files are read when a folder is walked, other JSON is not.
    static func isMinutesExport(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        return head.range(of: Data("\"tenant_minutes\"".utf8)) != nil
    }

    /// Walks a folder with `readdir`, telling files from folders by the entry's type rather
    /// than a `stat` per file (FileManager's walk took 0.35 s for 20 000 files). Names
    /// starting with `.` are skipped, folders among them; links are followed to files but
    /// never into folders.
    private static func walk(_ directory: String, everyFile: Bool, into found: inout [String], unreadable: inout [String]) {
        guard let dir = opendir(directory) else { unreadable.append(directory); return }
        defer { closedir(dir) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        while let entry = readdir(dir) {
            var nameField = entry.pointee.d_name
            let capacity = MemoryLayout.size(ofValue: nameField)
            let name = withUnsafePointer(to: &nameField) { $0.withMemoryRebound(to: CChar.self, capacity: capacity) { String(cString: $0) } }
            if name.hasPrefix(".") { continue }
            let full = prefix + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFLNK: type = Int32(DT_LNK)
                default: type = Int32(DT_REG)
                }
            }
            let ext = FileName.extension(of: name)
            let wanted = everyFile || readableExtensions.contains(ext) || (ext == "json" && isMinutesExport(full))
            switch type {
            case Int32(DT_DIR):
                walk(full, everyFile: everyFile, into: &found, unreadable: &unreadable)
            case Int32(DT_LNK):
                var info = stat()
                if stat(full, &info) == 0 {
                    if info.st_mode & S_IFMT != S_IFDIR, wanted { found.append(full) }
                } else if everyFile {
                    found.append(full)
                }
            default:
                if wanted { found.append(full) }
            }
        }
    }
}
