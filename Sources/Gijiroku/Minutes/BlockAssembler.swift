import Foundation

/// Stage 2b: groups the body's lines into labelled blocks of elements.
///
/// A marker line (`・`, `⇒`, `○`, `（１）`) opens an element; an unmarked line continues
/// the open element (PDF extraction broke it, or a page break interrupted it);
/// `＜…＞`-style labels open blocks; an element that announces directives
/// (`市長から以下のとおり指示があった`) closes its block and opens a directives block.
///
/// ```swift
/// let assembled = BlockAssembler().assemble(lines[header.bodyStart...])
/// assembled.blocks.first?.kind   // .explanation
/// ```
struct BlockAssembler {
    struct Result {
        var blocks: [Block] = []
        var layout: [LayoutLine] = []
    }

    /// - Parameter headings: lines that head a section whatever they look like (the
    ///   headings of the meetings of a page that holds several).
    func assemble(_ lines: ArraySlice<SourceLine>, headings: Set<Int> = []) -> Result {
        var result = Result()
        result.blocks.reserveCapacity(32)
        var current = Block()
        var open = false   // whether the last element accepts continuation lines

        for i in lines.indices {
            // Blank lines (every other line in PDF text) are passed over without copying them.
            guard !lines[i].isBlank else { continue }
            let line = lines[i]
            let kind = headings.contains(line.number) ? .blockLabel(.section, number: nil, issuer: nil) : LineClassifier.classify(line.content)
            let element: Element
            switch kind {
            case .blank:
                continue
            case .chrome:
                result.layout.append(LayoutLine(line: line.number, text: String(line.content), role: .pageChrome))
                continue
            case .blockLabel(let blockKind, let number, let issuer):
                // （市長指示） right after an announcement joins the directives block it opened.
                if blockKind == .directives, current.kind == .directives, current.elements.isEmpty, current.label == nil {
                    current.label = line
                    current.issuer = current.issuer ?? issuer
                } else {
                    if current.label != nil || !current.elements.isEmpty { result.blocks.append(current) }
                    current = Block(kind: blockKind, number: number, issuer: issuer, label: line)
                    current.elements.reserveCapacity(16)
                }
                result.layout.append(LayoutLine(line: line.number, text: String(line.content), role: Self.role(of: blockKind)))
                open = false
                continue
            case .note:
                element = Element(kind: .note, marker: "※", line: line)
            case .subheading:
                element = Element(kind: .heading, marker: nil, line: line)
            case .noComments:
                element = Element(kind: .noComments, marker: nil, line: line)
            case .answer(let marker), .bullet(let marker):
                element = Element(kind: .marked, marker: marker, line: line)
            case .numbered(let numbering):
                element = Element(kind: .numbered, marker: numbering.label, line: line)
            case .text:
                let last = current.elements.count - 1
                if open, last >= 0, !startsParagraph(after: last, in: current) {
                    // Continues the open element, in place.
                    current.elements[last].append(line)
                    continue
                }
                element = Element(kind: .plain, marker: nil, line: line)
            }
            open = element.acceptsContinuation
            current.elements.append(element)
        }
        if current.label != nil || !current.elements.isEmpty { result.blocks.append(current) }
        splitAtDirectiveIntros(&result, mentions: DirectiveIntro.linesMentioning(lines))
        return result
    }

    /// In running text (not in question-and-answer or directive blocks), a line that
    /// ended hard after `。`, or a numbered heading line, closes its paragraph.
    private func startsParagraph(after index: Int, in block: Block) -> Bool {
        guard block.kind != .comments, block.kind != .directives else { return false }
        // Its last line only, not a copy of the whole element.
        let previous = block.elements[index].last
        guard previous.endsWithSpace else { return false }
        return UTF8Search.hasSuffix(previous.content, "。") || (block.elements[index].kind == .numbered && block.elements[index].lineCount == 1)
    }

    /// Moves the elements after `…から以下のとおり指示があった。` into a directives block.
    /// Blocks are changed in place, by index: copying a block would copy its elements.
    private func splitAtDirectiveIntros(_ result: inout Result, mentions: [Bool]) {
        guard !mentions.isEmpty else { return }
        // Most blocks announce nothing: find the announcements before changing any block.
        var cuts: [(block: Int, element: Int, issuer: String?)] = []
        for b in result.blocks.indices where result.blocks[b].kind != .directives {
            for e in result.blocks[b].elements.indices {
                guard result.blocks[b].elements[e].kind != .note,
                      mentions[result.blocks[b].elements[e].first.number]
                        || result.blocks[b].elements[e].continuation.contains(where: { mentions[$0.number] }),
                      let issuer = DirectiveIntro.issuer(in: result.blocks[b].elements[e].text) else { continue }
                cuts.append((b, e, issuer))
                break
            }
        }
        guard !cuts.isEmpty else { return }

        // From the last block back, so that the indices of the blocks still to cut hold.
        for (b, cut, issuer) in cuts.reversed() {
            let intro = result.blocks[b].elements[cut]
            var directives = Block(kind: .directives, number: nil, issuer: issuer, label: nil)
            directives.elements = Array(result.blocks[b].elements[(cut + 1)...])
            directives.intro = intro
            result.blocks[b].elements.removeSubrange(cut...)
            for line in intro.lines {
                result.layout.append(LayoutLine(line: line.number, text: String(line.content), role: .directiveIntro))
            }
            if result.blocks[b].label != nil || !result.blocks[b].elements.isEmpty {
                result.blocks.insert(directives, at: b + 1)
            } else {
                result.blocks[b] = directives
            }
        }
        // An announcement followed by a （市長指示） label: one block, not two.
        var i = 1
        while i < result.blocks.count {
            let last = i - 1
            if result.blocks[last].kind == .directives, result.blocks[last].label == nil, result.blocks[last].elements.isEmpty,
               result.blocks[i].kind == .directives, result.blocks[i].intro == nil {
                result.blocks[i].issuer = result.blocks[last].issuer ?? result.blocks[i].issuer
                result.blocks[i].intro = result.blocks[last].intro
                result.blocks.remove(at: last)
                continue
            }
            i += 1
        }
        result.layout.sort { $0.line < $1.line }
    }

    static func role(of kind: LineClassifier.BlockKind) -> LayoutLine.Role {
        switch kind {
        case .explanation: return .explanationLabel
        case .comments: return .commentsLabel
        case .directives: return .directivesLabel
        case .other: return .otherLabel
        case .section: return .sectionLabel
        }
    }
}

/// Recognises a sentence announcing directives and who gave them:
/// `全体を通して、市長から以下のとおり指示があった。` → `市長`.
enum DirectiveIntro {
    /// A cheap test before any element's text is joined: by line number, whether the line has
    /// 指 in it (empty when no line has). Every announcement has 指示, which a line break may
    /// split (指 at the end of one line, 示 at the start of the next), so only elements with one
    /// of these lines can hold one. The whole text is searched once rather than line by line.
    static func linesMentioning(_ lines: ArraySlice<SourceLine>) -> [Bool] {
        guard let first = lines.first, let last = lines.last else { return [] }
        let text = first.content.base
        let utf8 = text.utf8
        // Byte offsets of 指 in the text, in order.
        let offsets = text.withUTF8Bytes { $0.offsets(of: "指") }
        guard !offsets.isEmpty else { return [] }
        // By line number: whether the line has 指 in it.
        var numbers = [Bool](repeating: false, count: last.number + 1)
        var next = 0
        // Each line read in place: a copy of it costs a retain and a release, on every line.
        lines.withUnsafeBufferPointer { lines in
            for i in lines.indices where !lines[i].isBlank {
                let end = utf8.distance(from: utf8.startIndex, to: lines[i].content.endIndex)
                while next < offsets.count, offsets[next] < end {
                    if offsets[next] >= utf8.distance(from: utf8.startIndex, to: lines[i].content.startIndex) { numbers[lines[i].number] = true }
                    next += 1
                }
                if next == offsets.count { break }
            }
        }
        return numbers
    }

    /// What ends the words before an issuer's name: 、，,。・ and spaces.
    private static func isSeparator(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "、", "，", ",", "。", " ", "　", "・": return true
        default: return false
        }
    }

    /// Every announcement phrase, without the 指示 that ends it.
    private static let phrases: [StaticString] = ["から以下のとおり", "から以下の通り", "から次のとおり", "から次の通り",
                                                  "から次のような", "から以下の", "から次の"]

    static func issuer(in text: String) -> String? {
        text.withUTF8Bytes { b -> String? in
            // Every phrase ends in 指示: find those first, then the phrase before one.
            let ends = b.offsets(of: "指示")
            guard !ends.isEmpty else { return nil }
            for phrase in phrases {
                for end in ends where b.bytes(0..<end).hasSuffix(phrase) {
                    let before = b.bytes(0..<(end - phrase.utf8CodeUnitCount))
                    // Back to the separator before the issuer's name.
                    var start = before.count
                    while start > 0 {
                        let s = before.scalarStart(before: start)
                        if isSeparator(before.scalar(at: s).0) { break }
                        start = s
                    }
                    let issuer = before.bytes(start..<before.count).trimmingSpaces
                    return issuer.isEmpty ? nil : String(decoding: issuer, as: UTF8.self)
                }
            }
            return nil
        }
    }
}
