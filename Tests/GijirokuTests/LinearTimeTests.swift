import Foundation
import Testing
@testable import Gijiroku

/// Every parser takes time in proportion to its input, whatever the input repeats: a text
/// of one structure (an undivided title, a paragraph of thousands of lines, one line of a
/// megabyte, a marker on every line, thousands of speaker turns, HTML nested thousands
/// deep) is parsed at 1 MB and at 5 MB, through the whole of `ParsedDocument.parse` as
/// `gijiroku parse` runs it, and the second may take at most twice five times the first
/// (a quadratic stage takes twenty-five times; the margin covers a busy machine). A ratio,
/// never an absolute time: it holds on any machine and in a debug build.
@Suite(.serialized) struct LinearTimeTests {
    /// One input of about `bytes` bytes made of `unit` repeated (`wrap` puts it inside a
    /// document's frame: a header before it, a closing after it).
    struct Structure: CustomTestStringConvertible, Sendable {
        let name: String
        let path: String
        let make: @Sendable (Int) -> String
        var testDescription: String { name }
    }

    static func repeated(_ unit: String, toBytes bytes: Int) -> String {
        String(repeating: unit, count: max(1, bytes / unit.utf8.count))
    }

    static let header = "第3回汐見川市行政改革推進本部会議 議事概要\n\n1 日時 令和5年5月10日(水)午前10時～11時\n2 場所 市役所3階 会議室\n\n"

    static let structures: [Structure] = [
        Structure(name: "an undivided text (an open title that never ends)", path: "t.txt") {
            repeated("汐見川市総合計画の推進について検討する", toBytes: $0)
        },
        Structure(name: "one paragraph of thousands of short lines", path: "p.txt") {
            "汐見川市の取組について\n" + repeated("区役所と局の連携を進めるため、窓口の案内を見直した\n", toBytes: $0)
        },
        Structure(name: "one line of the whole size", path: "l.txt") {
            header + repeated("市長から、区局連携の取組を進めるよう指示があった。 ", toBytes: $0)
        },
        Structure(name: "a marker on every line", path: "m.txt") {
            header + "＜議事＞\n" + repeated("・区役所の窓口を見直す ⇒ 来年度に実施する。○委員 ◎市長 【部長】\n", toBytes: $0)
        },
        Structure(name: "thousands of speaker turns", path: "v.txt") {
            "令和5年第2回汐見川市議会定例会会議録\n午前10時開議\n" + repeated(
                "○議長（山田太郎君）　日程第１、一般質問を行います。２２番、佐藤花子議員。\n"
                + "○２２番（佐藤花子議員）　子育て支援について伺います。保育所の待機児童は減ったのでしょうか。\n"
                + "〔「異議なし」と呼ぶ者あり〕\n"
                + "○市長（鈴木一郎君）　お答えします。待機児童は昨年度より減りました。引き続き取り組みます。\n", toBytes: $0)
                + "午後３時７分散会\n"
        },
        Structure(name: "a plan of thousands of items", path: "plan.txt") {
            "汐見川市総合計画 基本計画\n\n第 1 章\n\n" + repeated(
                "第１節　子育て環境の充実\n\n現状と課題\n●保育需要は年々高まっています。\n\n施策展開\n\n1 保育サービスの拡充＊\n保育所＊の定員を拡大し、待機児童の解消を図ります。\n\n", toBytes: $0)
        },
        Structure(name: "HTML nested thousands deep", path: "n.html") {
            let unit = "<div><p>区局連携<br>"
            let count = max(1, $0 / unit.utf8.count)
            return "<html><head><meta charset=\"utf-8\"><title>会議録</title></head><body>"
                + String(repeating: unit, count: count) + String(repeating: "</p></div>", count: count) + "</body></html>"
        },
        Structure(name: "an HTML page of many paragraphs", path: "h.html") {
            "<html><body><h1>汐見川市議会 会議録</h1>" + repeated("<p>○議長（山田太郎君）&nbsp;ただいまから会議を開きます。</p>\n", toBytes: $0) + "</body></html>"
        },
    ]

    /// The fastest of `runs` parses, in seconds.
    static func seconds(_ text: String, path: String, runs: Int) throws -> Double {
        let data = Data(text.utf8)
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try ParsedDocument.parse(data, source: InputSource(path: path, sha256: "0"))
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// The inputs are what they say: the turns are read as speeches, the plan as a plan, the
    /// nested page as text.
    @Test func theInputsAreReadAsWhatTheyRepeat() throws {
        func parsed(_ name: String) throws -> ParsedDocument {
            let structure = try #require(Self.structures.first { $0.name.hasPrefix(name) })
            return try ParsedDocument.parse(Data(structure.make(200_000).utf8), source: InputSource(path: structure.path, sha256: "0"))
        }
        guard case .minutes(let verbatim) = try parsed("thousands of speaker turns") else { Issue.record("not minutes"); return }
        #expect(verbatim.speeches.count > 400 && verbatim.form == .verbatim)
        guard case .plan = try parsed("a plan") else { Issue.record("not a plan"); return }
        guard case .minutes(let page) = try parsed("an HTML page") else { Issue.record("not minutes"); return }
        #expect(page.speeches.count > 400)
    }

    @Test(arguments: structures)
    func parsingTimeGrowsInProportionToTheInput(_ structure: Structure) throws {
        let small = try Self.seconds(structure.make(1_000_000), path: structure.path, runs: 2)
        // The best of two runs each: a machine busy with other work (a fuzzer beside the tests)
        // once slowed a single run past the bar; a quadratic cost gives 25×, not 10.
        let large = try Self.seconds(structure.make(5_000_000), path: structure.path, runs: 2)
        #expect(large / small <= 10, "\(structure.name): 1 MB in \(small) s, 5 MB in \(large) s (×\(large / small))")
    }
}
