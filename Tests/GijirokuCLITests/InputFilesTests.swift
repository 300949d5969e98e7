import Foundation
import Testing
@testable import GijirokuCLI

/// What a folder given on the command line expands to.
@Suite struct InputFilesTests {
    /// a/1.txt, a/b/2.PDF, a/b/notes.xlsx, a/.hidden.txt, a/.git/3.txt, a/link.txt → 1.txt,
    /// a/dirlink → a/b, a/broken.txt → nowhere.
    static func folder() throws -> String {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("gijiroku-inputs-\(UUID().uuidString)").path
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
        let (files, missing) = InputFiles.expand([root, root + "/absent"])
        #expect(files == ["a/1.txt", "a/b/2.PDF", "a/link.txt"].map { root + "/" + $0 })
        #expect(missing == [root + "/absent"])
    }

    @Test func forConvertEveryFileAndBrokenLinkIsListed() throws {
        let root = try Self.folder()
        let (files, _) = InputFiles.expand([root + "/"], includeBrokenLinks: true)
        #expect(files == ["a/1.txt", "a/b/2.PDF", "a/b/notes.xlsx", "a/broken.txt", "a/link.txt"].map { root + "/" + $0 })
    }

    @Test func extensionsAreReadCaseInsensitively() {
        #expect(InputFiles.fileExtension("会議.TXT") == "txt")
        #expect(InputFiles.fileExtension("README") == "")
        #expect(InputFiles.fileExtension(".profile") == "")
        #expect(InputFiles.fileExtension("a.tar.gz") == "gz")
    }
}
