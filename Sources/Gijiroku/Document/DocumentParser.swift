import Foundation

/// Parses any other administrative document (an inspection report, a policy draft, a
/// notice, plain text or Markdown) into a ``Document``.
///
/// The title is a Markdown `#` heading, a bold block, or the first lines before anything
/// else; the date is the first line that is only a date; the issuing body is what stands
/// next to that date (the lines after it, up to an addressee `…様`, or the line after it).
/// Lines under `目次` that end in a page number are the table of contents. Headings are
/// Markdown `#` or numbered lines (`１`, `1.`, `(1)`, `①`); each numbering style, in the
/// order they first appear, is one level deeper. Other lines are paragraphs: a line that
/// PDF extraction broke continues its paragraph.
///
/// ```swift
/// let doc = DocumentParser().parse(text: text, path: "視察報告.txt")
/// doc.outline.map(\.title)
/// ```
struct DocumentParser: Sendable {
    init() {}


    /// Parses text that is already decoded.
    func parse(text: String, path: String, sha256: String? = nil, encoding: TextEncoding = .utf8) -> Document {
        let lines = SourceLine.split(text)
        var doc = Document(source: SourceInfo(path: path, sha256: sha256 ?? SHA256.hex(of: Array(text.utf8)), encoding: encoding, lineCount: lines.count))
        let kinds = lines.map(DocumentLineClassifier.classify)
        // Text extracted from PDF often has a blank line after every line: then blank lines
        // say nothing about paragraphs.
        let nonBlank = lines.indices.filter { !lines[$0].isBlank }
        let followedByBlank = nonBlank.filter { $0 + 1 < lines.count && lines[$0 + 1].isBlank }.count
        let doubleSpaced = nonBlank.count >= 6 && followedByBlank * 10 >= nonBlank.count * 8
        var titleIsMarkdownHeading = false
        var titleOpen = false   // plain title lines at the top continue the title

        var styles: [DocumentLineClassifier.Style] = []   // heading styles by level
        var stack: [DocumentSection] = []                  // open headings, outermost first
        var paragraph: [SourceLine] = []
        var inContents = false
        var contentsEntries: Set<String> = []   // entries seen, without page numbers
        var titleLines: [SourceLine] = []
        var inBold = false
        var afterDate = false
        var authorLines: [SourceLine] = []

        // In place: a title rebuilt line by line (`title = title + line`) would copy it each
        // time, quadratic on a long undivided text.
        func appendTitle(_ text: Substring) {
            if doc.title == nil { doc.title = "" }
            doc.title!.append(contentsOf: text)
        }
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            // Items numbered ①②③ run together in one paragraph are a paragraph each.
            for passage in Self.enumeratedItems(paragraph) {
                if stack.isEmpty { doc.preamble.append(passage) } else { stack[stack.count - 1].paragraphs.append(passage) }
            }
            paragraph = []
        }
        func close(to level: Int) {
            while stack.count > level {
                let done = stack.removeLast()
                if stack.isEmpty { doc.outline.append(done) } else { stack[stack.count - 1].children.append(done) }
            }
        }

        for (line, kind) in zip(lines, kinds) {
            if case .blank = kind {
                if !doubleSpaced { flushParagraph(); titleOpen = false }
                continue
            }
            if case .text = kind, titleOpen, !line.startsWithSpace || doubleSpaced {
                appendTitle(line.content)
                titleLines.append(line)
                continue
            }
            titleOpen = false
            if inBold, case .bold(let text) = kind {
                titleLines.append(line); inBold = false
                appendTitle(text)
                continue
            }
            if inBold { titleLines.append(line); appendTitle(line.content); continue }
            switch kind {
            case .contentsLabel:
                flushParagraph()
                inContents = true
                doc.contents.append(Passage(text: String(line.content), lines: LineRange(line.number)))
                continue
            case .contents, .heading(.numbering, _, _), .text:
                // Under 目次: numbered entries and lone page numbers (which PDF extraction
                // may break onto their own line), until a heading repeats an entry.
                guard inContents else {
                    if case .contents = kind, doc.outline.isEmpty && stack.isEmpty {
                        doc.contents.append(Passage(text: String(line.content), lines: LineRange(line.number)))
                        continue
                    }
                    break
                }
                let key = Self.entryKey(line.content)
                let lonePage = line.content.unicodeScalars.allSatisfy { JapaneseNumber.asciiDigit($0) != nil }
                if lonePage || (Numbering.parse(line.content) != nil && !contentsEntries.contains(key)) {
                    if !lonePage { contentsEntries.insert(key) }
                    doc.contents.append(Passage(text: String(line.content), lines: LineRange(line.number)))
                    continue
                }
                inContents = false
            default:
                inContents = false
            }
            switch kind {
            case .bold(let text) where doc.title == nil:
                flushParagraph()
                doc.title = String(text)
                titleLines.append(line)
                let c = line.content
                inBold = UTF8Search.hasPrefix(c, "**") && !(UTF8Search.hasSuffix(c, "**") && c.utf8.count > 4)
            case .heading(.markdown(1), _, let title) where doc.title == nil:
                doc.title = String(title)
                titleLines.append(line)
                titleIsMarkdownHeading = true
            case .dateOnly(let iso) where doc.date == nil:
                flushParagraph()
                doc.date = iso
                afterDate = true
                doc.dateline.append(Passage(text: String(line.content), lines: LineRange(line.number)))
            case .addressee:
                flushParagraph()
                afterDate = false
                let passage = Passage(text: SpacedLetters.joined(TitleExtractor.trimSpaces(String(line.content))), lines: LineRange(line.number))
                if stack.isEmpty { doc.preamble.append(passage) } else { stack[stack.count - 1].paragraphs.append(passage) }
            case .heading(let style, let label, let title):
                flushParagraph()
                afterDate = false
                let level: Int
                if case .markdown(let n) = style {
                    level = max(1, n - (titleIsMarkdownHeading ? 1 : 0))
                } else if let i = styles.firstIndex(of: style) {
                    level = i + 1
                } else {
                    styles.append(style)
                    level = styles.count
                }
                close(to: max(0, level - 1))
                while stack.count < level - 1 {
                    stack.append(DocumentSection(label: nil, title: "", level: stack.count + 1, lines: LineRange(line.number)))
                }
                stack.append(DocumentSection(label: label.map(String.init), title: SpacedLetters.joined(String(title)), level: level,
                                             lines: LineRange(line.number)))
            default:
                if afterDate, authorLines.count < 3, Self.looksLikeIssuer(line.content) {
                    authorLines.append(line)
                    continue
                }
                afterDate = false
                // A status tag such as 【素々案】 or （案） is not the title.
                if Self.isTag(line.content) {
                    flushParagraph()
                    doc.preamble.append(Passage(text: String(line.content), lines: LineRange(line.number)))
                    continue
                }
                if doc.title == nil, stack.isEmpty, doc.date == nil, paragraph.isEmpty, doc.outline.isEmpty, doc.contents.isEmpty {
                    doc.title = String(line.content)
                    titleLines.append(line)
                    titleOpen = true
                    continue
                }
                // A new paragraph after a hard line end that closes a sentence or a short line,
                // at an indent, or at a line that starts with a marker.
                if let last = paragraph.last {
                    let hardEnd = last.endsWithSpace && (last.content.unicodeScalars.last == "。" || last.content.count < 28)
                    let marker = line.content.unicodeScalars.first.map { "・○〇●◎※→⇒〔①②③④⑤⑥⑦⑧⑨⑩".unicodeScalars.contains($0) } ?? false
                    if hardEnd || marker || line.startsWithSpace { flushParagraph() }
                }
                paragraph.append(line)
            }
        }
        flushParagraph()
        close(to: 0)
        if !authorLines.isEmpty {
            doc.author = SpacedLetters.joined(TitleExtractor.trimSpaces(authorLines.map { String($0.content) }.joined()))
            doc.dateline.append(Passage(text: doc.author!, lines: LineRange(authorLines[0].number, authorLines.last!.number)))
        }
        if doc.title == nil { doc.warnings.append(ParseWarning(line: nil, .titleMissing)) }
        if doc.date == nil {
            // The first date in the text, never a page's metadata (`最終更新日:2020年3月5日`).
            if let found = SourceLine.split(text).lazy.filter({ !PageChrome.matches($0.content) })
                .compactMap({ JapaneseDate.find(in: $0.content) }).first { doc.date = found.date.iso }
            else { doc.warnings.append(ParseWarning(line: nil, .documentDateMissing)) }
        }
        return doc
    }

    /// A paragraph's lines as passages: one, or one per item when items numbered `①`, `②`,
    /// `③` … run on one after another inside it (each item from its number to the next).
    static func enumeratedItems(_ lines: [SourceLine]) -> [Passage] {
        let circled = Array("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".unicodeScalars)
        let whole = Passage(text: SpacedLetters.joined(lines.map { String($0.content) }.joined()), lines: LineRange(lines[0].number, lines.last!.number))
        guard let first = lines[0].content.unicodeScalars.first, let start = circled.firstIndex(of: first) else { return [whole] }
        // Where each next number stands: (line index, scalar offset in the line).
        var cuts: [(line: Int, offset: Int)] = []
        var expected = start + 1
        for (k, line) in lines.enumerated() {
            for (offset, scalar) in line.content.unicodeScalars.enumerated() where expected < circled.count && scalar == circled[expected] {
                cuts.append((k, offset))
                expected += 1
            }
        }
        guard !cuts.isEmpty else { return [whole] }
        var passages: [Passage] = []
        var from = (line: 0, offset: 0)
        for cut in cuts + [(line: lines.count - 1, offset: Int.max)] {
            var text = ""
            for k in from.line...cut.line {
                let scalars = Array(lines[k].content.unicodeScalars)
                let a = k == from.line ? from.offset : 0
                let b = k == cut.line ? min(cut.offset, scalars.count) : scalars.count
                if a < b { text += String(String.UnicodeScalarView(scalars[a..<b])) }
            }
            // The last line of an item ends where the next item begins: it belongs to both.
            passages.append(Passage(text: SpacedLetters.joined(TitleExtractor.trimSpaces(text)),
                                    lines: LineRange(lines[from.line].number, lines[cut.line].number)))
            from = cut
        }
        return passages
    }

    /// An issuer line names a body or a post, not a subject or a sentence.
    static func looksLikeIssuer(_ content: Substring) -> Bool {
        guard content.count <= 40, content.unicodeScalars.last != "。",
              !UTF8Search.hasSuffix(content, "について"), !UTF8Search.hasSuffix(content, "件") else { return false }
        return ["市", "町", "村", "県", "都", "府", "部", "課", "局", "室", "委員会", "長", "会"].contains { UTF8Search.contains(content, $0) }
    }

    /// An entry's numbering and title without spaces or a trailing page number.
    static func entryKey(_ content: Substring) -> String {
        var key = WidthFolding.compact(content)
        while let last = key.unicodeScalars.last, JapaneseNumber.asciiDigit(last) != nil, key.unicodeScalars.count > 2 {
            key.unicodeScalars.removeLast()
        }
        return key
    }

    static func isTag(_ content: Substring) -> Bool {
        let c = WidthFolding.compact(content)
        guard c.count <= 12, let first = c.first, let last = c.last else { return false }
        return (first == "【" && last == "】") || (first == "(" && last == ")") || (first == "[" && last == "]")
    }
}
