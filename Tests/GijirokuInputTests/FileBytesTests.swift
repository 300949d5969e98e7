import Foundation
import Testing
import Gijiroku
import GijirokuTestSupport
@testable import GijirokuInput

@Suite struct FileBytesTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = Repository.scratch.path + "/gijiroku-filebytes-\(UUID().uuidString).txt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 4_095, 4_096, 200_001])
    func aFileIsReadWhole(_ size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try FileBytes.read(path: path) == Data(bytes))
    }

    @Test func aMissingFileOrAFolderIsAnErrorNamingIt() throws {
        let missing = NSTemporaryDirectory() + "gijiroku-no-such-file.txt"
        #expect(throws: InputError(path: missing, reason: .missing)) { try FileBytes.read(path: missing) }
        let folder = NSTemporaryDirectory()
        #expect(throws: InputError(path: folder, reason: .isFolder)) { try FileBytes.read(path: folder) }
    }

    @Test func aFIFOIsNeverOpenedToWaitAndADeviceNeverReadWithoutEnd() throws {
        let dir = Repository.scratch.path + "/gijiroku-special-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/fifo.txt"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: InputError(path: fifo, reason: .notRegularFile("FIFO"))) { try FileBytes.read(path: fifo) }
        let zero = dir + "/zero.txt"
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        #expect(throws: InputError(path: zero, reason: .notRegularFile("device"))) { try FileBytes.read(path: zero) }
    }

    @Test func aFileOverTheLimitIsAnErrorThatNamesTheLimit() throws {
        let path = try temporaryFile([UInt8](repeating: 0x41, count: 2_000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: InputError(path: path, reason: .tooLarge(size: 2_000, limit: 1_000))) { try FileBytes.read(path: path, limit: 1_000) }
    }
}
