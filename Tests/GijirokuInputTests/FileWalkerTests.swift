import Foundation
import Testing
import GijirokuTestSupport
import Gijiroku
@testable import GijirokuInput

/// What a folder given on the command line expands to.
@Suite struct FileWalkerTests {
    /// a/1.txt, a/b/2.PDF, a/b/notes.xlsx, a/.hidden.txt, a/.git/3.txt, a/link.txt → 1.txt,
    /// a/dirlink → a/b, a/broken.txt → nowhere.
    static func folder() throws -> String {
        let fm = FileManager.default
        let root = Repository.scratch.appendingPathComponent("gijiroku-inputs-\(UUID().uuidString)").path
        for dir in ["a/b", "a/.git"] { try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true) }
        for file in ["a/1.txt", "a/b/2.PDF", "a/b/notes.xlsx", "a/.hidden.txt", "a/.git/3.txt"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        try fm.createSymbolicLink(atPath: root + "/a/link.txt", withDestinationPath: root + "/a/1.txt")
        try fm.createSymbolicLink(atPath: root + "/a/dirlink", withDestinationPath: root + "/a/b")
        try fm.createSymbolicLink(atPath: root + "/a/broken.txt", withDestinationPath: root + "/nowhere.txt")
        return root
    }

    @Test func aFolderGivesItsReadableFilesSortedWithoutHiddenOnesOrLinkedFolders() throws {
        let root = try Self.folder()
        let walk = FileWalker.walk([root, root + "/absent"])
        #expect(walk.files.map(\.path) == ["a/1.txt", "a/b/2.PDF", "a/link.txt"].map { root + "/" + $0 })
        #expect(walk.files.map(\.relative) == ["a/1.txt", "a/b/2.PDF", "a/link.txt"])
        #expect(walk.missing == [root + "/absent"])
    }

    @Test func forConvertEveryFileAndBrokenLinkIsListed() throws {
        let root = try Self.folder()
        let walk = FileWalker.walk([root + "/", root + "/a/broken.txt"], everyFile: true)
        #expect(walk.files.map(\.path) == ["a/1.txt", "a/b/2.PDF", "a/b/notes.xlsx", "a/broken.txt", "a/link.txt"].map { root + "/" + $0 } + [root + "/a/broken.txt"])
        #expect(walk.files.last?.relative == "broken.txt")
    }

    /// Each folder resolved once gives what `realpath` gives each path: through a linked
    /// folder, a linked file, `..`, a file that is gone, and a relative path.
    @Test func pathsMadeCanonicalAFolderAtATimeAreTheCanonicalPaths() throws {
        let root = try Self.folder()
        let cwd = FileManager.default.currentDirectoryPath
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/a/b/議事録.txt"))
        let paths = ["a/1.txt", "a/dirlink/2.PDF", "a/link.txt", "a/b/../1.txt", "a/dirlink/gone.txt", "a/broken.txt", "a/b", "a",
                     "a/dirlink/議事録.txt", "a/b/議事録.txt", "a/dirlink/ない会議録.txt"]
            .map { root + "/" + $0 } + ["/", "/tmp", "relative/x.txt", root + "/a/b/"]
        var canonical = FileWalker.CanonicalPaths()
        for path in paths + paths {
            #expect(canonical.canonical(path) == FileWalker.canonical(path), "\(path)")
        }
        #expect(canonical.canonical(root + "/a/dirlink/2.PDF") == FileWalker.canonical(root + "/a/b/2.PDF"))
        #expect(FileWalker.canonical(root + "/a/dirlink/ない会議録.txt").hasSuffix("/a/b/ない会議録.txt"))
        #expect(FileManager.default.currentDirectoryPath == cwd)
    }

    @Test func extensionsAreReadCaseInsensitively() {
        #expect(FileName.extension(of: "会議.TXT") == "txt")
        #expect(FileName.extension(of: "README") == "")
        #expect(FileName.extension(of: ".profile") == "")
        #expect(FileName.extension(of: "a/b.c/README") == "")
        #expect(FileName.extension(of: "a.tar.gz") == "gz")
    }

    @Test func aFolderGivesServiceExportsButNoOtherJSON() throws {
        let root = try Repository.temporaryFolder("gijiroku-walk").path
        try Data(#"{"tenant_minutes":[]}"#.utf8).write(to: URL(fileURLWithPath: root + "/export.json"))
        try Data(#"{"kind":"minutes"}"#.utf8).write(to: URL(fileURLWithPath: root + "/record.json"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/page.html"))
        #expect(FileWalker.walk([root]).files.map(\.relative) == ["export.json", "page.html"])
        // Named on the command line, any file is read.
        #expect(FileWalker.walk([root + "/record.json"]).files.map(\.relative) == ["record.json"])
    }
}
