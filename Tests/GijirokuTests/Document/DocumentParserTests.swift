import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// Other documents read as outlines: the reference report and policy draft (when present),
/// and small cases.
@Suite struct DocumentParserTests {
    func reference(_ name: String) throws -> Document {
        let url = Repository.reference.appendingPathComponent(name)
        return try DocumentParser().parse(Data(contentsOf: url), path: name)
    }

    @Test(.enabled(if: Repository.hasReference, "../shared/reference is not present beside this clone"))
    func policyDraftInMarkdown() throws {
        let doc = try reference("policy-chikuma-plan-draft-2019.md")
        #expect(doc.title == "第二次千曲市総合計画後期基本計画策定方針（骨子案）")
        #expect(doc.date == "2019-11-01")
        #expect(doc.author == "千曲市 企画政策部 総合政策課")
        #expect(doc.contents.count == 14)   // 目次 and its 13 entries (1–3, ①–⑤, 4–8)
        #expect(doc.outline.map(\.label) == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."])
        #expect(doc.outline[2].children.map(\.label) == ["①", "②", "③", "④", "⑤"])
        #expect(doc.outline[2].children[0].paragraphs.first?.text.hasPrefix("→計画の策定プロセスを重視。") == true)
        #expect(doc.preamble.contains { $0.text == "【素々案】" })
    }

    @Test(.enabled(if: Repository.hasReference, "../shared/reference is not present beside this clone"))
    func inspectionReportFromPDFText() throws {
        let doc = try reference("report-kitamoto-inspection-2016.txt")
        #expect(doc.title == "第五次北本市総合振興計画審査特別委員会行政視察報告")
        #expect(doc.date == "2016-02-23")
        // A name spaced out character by character is one name.
        #expect(doc.author == "第五次北本市総合振興計画審査特別委員長 工藤日出夫")
        #expect(doc.outline.map(\.label) == ["１", "２", "３", "４"])
        #expect(doc.outline[1].title == "視察地  長野県小諸市")
        // Lines broken by PDF extraction are rejoined into paragraphs.
        let body = doc.outline.last?.paragraphs.map(\.text) ?? []
        #expect(body.contains { $0.contains("市による総合計画策定の義務付けを行いました。") })
        // ① heads no section cut mid-word: it, ② and ③ each open a paragraph of their own.
        #expect(doc.outline.last?.children.isEmpty == true)
        let items = body.filter { ["①", "②", "③"].contains($0.prefix(1)) }
        #expect(items.count == 3)
        #expect(items.first?.hasPrefix("①職員の参画（オーナーシップ）では、若手職員を対象とした総合計画学習会の開催") == true)
        // The date and the issuer are read once, not repeated as paragraphs.
        #expect(!(doc.preamble.map(\.text) + body).contains { $0.contains("平成28年２月23日") || $0.contains("工藤日出夫") && $0.contains("委員長") })
        #expect(doc.dateline.map(\.lines) == [LineRange(138), LineRange(142, 144)])
    }

    @Test(.enabled(if: Repository.hasReference, "../shared/reference is not present beside this clone"),
          arguments: [("minutes-2016-09-saitama-growth-hq.txt", DocumentKind.minutes), ("minutes-2018-11-saitama-plan-hq.txt", .minutes),
                      ("plan-saitama-basic-plan-ch1-2.txt", .plan), ("report-kitamoto-inspection-2016.txt", .document),
                      ("policy-chikuma-plan-draft-2019.md", .document)])
    func eachReferenceIsDetectedAsItsKind(_ name: String, _ kind: DocumentKind) throws {
        let text = try TextDecoder().decode(Data(contentsOf: Repository.reference.appendingPathComponent(name)), path: name).text
        #expect(DocumentKind.detect(text) == kind)
    }

    /// The plan test classifies only lines ending in 章, 題 or 開: those must be every line a
    /// classification of all lines finds to be a chapter or a plan label.
    @Test func planDetectionLooksAtEveryChapterAndLabelLine() throws {
        func planLines(_ lines: [SourceLine]) -> [String] {
            lines.compactMap { line in
                switch PlanLineClassifier.classify(line) {
                case .chapter, .issuesLabel, .measuresLabel: return String(line.text)
                default: return nil
                }
            }
        }
        var texts = ["第 1 章\n\n現 状 と 課 題\n　第２章\n施策展開　\r\n第３章 まちづくり\n・現状と課題\n議題（１）\n第4章", ""]
        for folder in ["plans", "minutes", "documents"] {
            for name in Repository.corpusInputs(folder) where !name.hasSuffix(".docx") {
                let url = Repository.corpus.appendingPathComponent(folder).appendingPathComponent(name)
                texts.append(try TextDecoder().decode(Data(contentsOf: url), path: name).text)
            }
        }
        var found = 0
        for text in texts {
            let all = planLines(SourceLine.split(text))
            #expect(planLines(DocumentKind.linesEnding(in: text[...], with: ["章", "題", "開"])) == all)
            found += all.count
        }
        #expect(found > 10)
    }

    @Test func minutesThatQuoteAPlansChaptersAreMinutes() {
        let quoted = "第２回総合計画審議会　議事概要\n\n第１章\n\n現状と課題\n\n・第１章の構成を了承した。\n"
        #expect(DocumentKind.detect(quoted) == .minutes)
        #expect(DocumentKind.detect(String(quoted.dropFirst("第２回総合計画審議会　議事概要".count))) == .plan)
    }

    @Test func theHeadEndsWithItsLastNonBlankLine() {
        let text = "議事概要\n\n　\n 第１回 \r\n本部会議\r会議録\n"
        #expect(DocumentKind.head(of: text, nonBlankLines: 1) == "議事概要")
        #expect(DocumentKind.head(of: text, nonBlankLines: 2) == "議事概要\n\n　\n 第１回")
        #expect(DocumentKind.head(of: text, nonBlankLines: 3) == "議事概要\n\n　\n 第１回 \r\n本部会議")
        #expect(DocumentKind.head(of: text, nonBlankLines: 12) == text[...])
        // Within the first 400 lines only.
        let late = String(repeating: "\n", count: 500) + "議事録"
        #expect(DocumentKind.head(of: late, nonBlankLines: 12).utf8.count == 399)
        #expect(DocumentKind.detect(late) == .document)
    }

    @Test func markdownHeadingsNestByLevel() {
        let doc = DocumentParser().parse(text: "# 計画の方針\n\n令和２年３月\n\n## 趣旨\n\n本文です。\n\n### 背景\n\n続きです。\n", path: "t.md")
        #expect(doc.title == "計画の方針")
        #expect(doc.date == "2020-03-01")
        #expect(doc.outline.first?.title == "趣旨")
        #expect(doc.outline.first?.children.first?.paragraphs.map(\.text) == ["続きです。"])
    }
}

