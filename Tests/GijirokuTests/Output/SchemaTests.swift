import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// Validates real parser output against `Schemas/minutes.schema.json`.
@Suite(.enabled(if: Python.hasJSONSchema, "python3 with jsonschema is not installed"))
struct SchemaTests {
    func validate<R: Encodable>(_ records: [R]) throws -> (status: Int32, output: String) {
        let dir = Repository.scratch.appendingPathComponent("gijiroku-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("records.json")
        try RecordEncoder.json(records).write(to: file, atomically: true, encoding: .utf8)
        return try Python.validateSchemas([file.path])
    }

    @Test func corpusOutputsAreValid() throws {
        let records = try Repository.corpusInputs("minutes").map { name in
            try MinutesParser().parse(try Data(contentsOf: Repository.corpus.appendingPathComponent("minutes/\(name)")), path: name)
        }
        let result = try validate(records)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func planOutputsAreValid() throws {
        let plans = try Repository.corpusInputs("plans").map { name in
            try PlanParser().parse(try Data(contentsOf: Repository.corpus.appendingPathComponent("plans/\(name)")), path: name)
        }
        #expect(!plans.isEmpty)
        let result = try validate(plans)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func documentOutputsAreValid() throws {
        let documents = try Repository.corpusFiles("documents", extensions: ["txt", "md"]).map { name in
            try ParsedDocument.read(Repository.corpus.appendingPathComponent("documents/\(name)"))
        }
        #expect(documents.count >= 3)
        let result = try validate(documents)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func edgeCaseOutputsAreValid() throws {
        let records = [
            MinutesParser().parse(text: "今日は良い天気でした。\n", path: "-"),
            MinutesParser().parse(text: "＜意見等＞\n⇒回答だけ。\n", path: "a"),
            MinutesParser().parse(text: "【出席者】 委員22名\n【日 時】 平成31年5月10日（金）\n", path: "b"),
        ]
        let result = try validate(records)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func theValidatorRejectsARecordThatBreaksTheSchema() throws {
        var record = MinutesParser().parse(text: "【日 時】 令和元年５月２０日（月）\n", path: "x")
        record.date = "20190520"
        let result = try validate([record])
        #expect(result.status != 0)
    }
}
