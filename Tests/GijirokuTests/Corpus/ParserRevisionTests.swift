import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// ``ParsedDocument/revision`` is raised whenever the records change: each revision's
/// digest of the corpus's golden records is kept here, so a change to the goldens under the
/// same revision fails until the revision is raised (and an index reads its files again).
@Suite struct ParserRevisionTests {
    /// SHA-256 of every golden record of the corpus (`Corpus/{minutes,plans,documents}/*.json`),
    /// each as its path and bytes, in path order; by the revision that wrote them.
    static let goldenDigests: [Int: String] = [
        1: "8f47a5aafd0b9ecd2b506bd0d6c114dd097dafb33065760dd2be27a05a897ef6",
        2: "d54cf87b4678ee34879facab50e73fabe22d7ea924b6fb971068109156fe95c4",
        3: "22d189028f3a5364edf864a1b5dadeca690ffdfd006809c69cd0b9f3859e40b5",
        4: "74ff65c54d67402e3a7b98281fcb65dee5afaa8bf51444a8507d8e3722de0d21",
        5: "a69d674c80793698ae53410ed7a4cb95126df516d03bbd89bf04d19bca8a3385",
        6: "f9a74f978d5cb1a73b39866bbac4ddac67a8ffda99ea85276513213caec7ddd6",
        7: "a185cde93abd5945a5869db739cd67a205fe50caa4ea9739a0921dd9192a323e",
        8: "a185cde93abd5945a5869db739cd67a205fe50caa4ea9739a0921dd9192a323e",
        9: "a185cde93abd5945a5869db739cd67a205fe50caa4ea9739a0921dd9192a323e",
        10: "84f611d18651c7f01b09b687146a0c825e91196f2dbf52154a7a4bb8d6066d71",
        11: "84f611d18651c7f01b09b687146a0c825e91196f2dbf52154a7a4bb8d6066d71",
        12: "84f611d18651c7f01b09b687146a0c825e91196f2dbf52154a7a4bb8d6066d71",
        13: "cb88ab9626f0239bbbb3b6f5814cb1612405fd13f183b2dac12fb79f31307d57",
        14: "b9345b03ab61e383a592412f3e9270db0bf31ccee0f9fced3ea480152ee1fd77",
        15: "b9345b03ab61e383a592412f3e9270db0bf31ccee0f9fced3ea480152ee1fd77",
        16: "b9345b03ab61e383a592412f3e9270db0bf31ccee0f9fced3ea480152ee1fd77",
        17: "b9345b03ab61e383a592412f3e9270db0bf31ccee0f9fced3ea480152ee1fd77",
        18: "e8235e32775ecbb52f86d5c9bd41176e11b440257fa8372f6406ce5fc62711ae",
        19: "e8235e32775ecbb52f86d5c9bd41176e11b440257fa8372f6406ce5fc62711ae",
        20: "0f860c6343b94dab5ebfa47566e06fa11e3c3c31fbce024e4e6bbb9a2c72a87b",
        21: "0f860c6343b94dab5ebfa47566e06fa11e3c3c31fbce024e4e6bbb9a2c72a87b",
        22: "05df0a78a6c3fa6cd7715b09ed3c4836803e2efd0d68341bce73af846daba668",
        23: "d89511aa418a27a0e50fd92b2873eb1fd512e97cb524ec48fa2befbb0b17155b",
        24: "d89511aa418a27a0e50fd92b2873eb1fd512e97cb524ec48fa2befbb0b17155b",
        25: "d89511aa418a27a0e50fd92b2873eb1fd512e97cb524ec48fa2befbb0b17155b",
        26: "d89511aa418a27a0e50fd92b2873eb1fd512e97cb524ec48fa2befbb0b17155b",
        27: "d89511aa418a27a0e50fd92b2873eb1fd512e97cb524ec48fa2befbb0b17155b",
        28: "d89511aa418a27a0e50fd92b2873eb1fd512e97cb524ec48fa2befbb0b17155b",
        29: "d89511aa418a27a0e50fd92b2873eb1fd512e97cb524ec48fa2befbb0b17155b",
        30: "d89511aa418a27a0e50fd92b2873eb1fd512e97cb524ec48fa2befbb0b17155b",
    ]

    @Test func theCorpusRecordsAreTheOnesThisRevisionWrote() throws {
        var bytes: [UInt8] = []
        for folder in ["minutes", "plans", "documents"] {
            let url = Repository.corpus.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".json") }.sorted()
            #expect(!names.isEmpty, "no golden records in Corpus/\(folder)")
            for name in names {
                bytes += Array("\(folder)/\(name)\n".utf8)
                bytes += Array(try Data(contentsOf: url.appendingPathComponent(name)))
            }
        }
        let digest = SHA256.hex(of: bytes)
        #expect(Self.goldenDigests[ParsedDocument.revision] == digest, """
            The corpus's golden records are not the ones revision \(ParsedDocument.revision) wrote. If the change is \
            meant, raise ParsedDocument.revision and record its digest here: \(digest)
            """)
    }
}
