import Foundation
import Testing
import Gijiroku
@testable import GijirokuInput

@Suite struct FileBytesTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "gijiroku-filebytes-\(UUID().uuidString).txt"
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
}
