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
        /// Directive introductions found, by the index of the directives block they open.
        var directiveIntros: [Int: Element] = [:]
    }

    func assemble(_ lines: ArraySlice<SourceLine>) -> Result {
        var result = Result()
        result.blocks.reserveCapacity(32)
        var current = Block()
        var open = false   // whether the last element accepts continuation lines

        for line in lines where !line.isBlank {
            let kind = LineClassifier.classify(line.content)
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
                element = Element(kind: .note, marker: "※", lines: [line])
            case .subheading:
                element = Element(kind: .heading, marker: nil, lines: [line])
            case .noComments:
                element = Element(kind: .noComments, marker: nil, lines: [line])
            case .answer(let marker), .bullet(let marker):
                element = Element(kind: .marked, marker: marker, lines: [line])
            case .numbered(let numbering):
                element = Element(kind: .numbered, marker: numbering.label, lines: [line])
            case .text:
                let last = current.elements.count - 1
                if open, last >= 0, !startsParagraph(after: current.elements[last], in: current) {
                    // Continues the open element, in place.
                    current.elements[last].lines.append(line)
                    continue
                }
                element = Element(kind: .plain, marker: nil, lines: [line])
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
    private func startsParagraph(after element: Element, in block: Block) -> Bool {
        guard block.kind != .comments, block.kind != .directives, let previous = element.lines.last, previous.endsWithSpace else {
            return false
        }
        return previous.content.unicodeScalars.last == "。" || (element.kind == .numbered && element.lines.count == 1)
    }

    /// Moves the elements after `…から以下のとおり指示があった。` into a directives block.
    private func splitAtDirectiveIntros(_ result: inout Result, mentions: [Bool]) {
        guard !mentions.isEmpty else { return }
        // Most blocks announce nothing: find the announcements before copying any block.
        var cuts: [Int: (element: Int, issuer: String?)] = [:]
        for (b, block) in result.blocks.enumerated() where block.kind != .directives {
            for (e, element) in block.elements.enumerated()
            where element.kind != .note && element.lines.contains(where: { mentions[$0.number] }) {
                if let issuer = DirectiveIntro.issuer(in: element.text) {
                    cuts[b] = (e, issuer)
                    break
                }
            }
        }
        guard !cuts.isEmpty else { return }

        var blocks: [Block] = []
        blocks.reserveCapacity(result.blocks.count + cuts.count)
        var source = result.blocks
        result.blocks = []
        for b in source.indices {
            // Taken out of `source`, so that cutting its elements does not copy them.
            var block = source[b]
            source[b] = Block()
            guard let (cut, issuer) = cuts[b] else {
                blocks.append(block)
                continue
            }
            let intro = block.elements[cut]
            var directives = Block(kind: .directives, number: nil, issuer: issuer, label: nil)
            directives.elements = Array(block.elements[(cut + 1)...])
            block.elements.removeSubrange(cut...)
            if block.label != nil || !block.elements.isEmpty { blocks.append(block) }
            result.directiveIntros[blocks.count] = intro
            for line in intro.lines {
                result.layout.append(LayoutLine(line: line.number, text: String(line.content), role: .directiveIntro))
            }
            blocks.append(directives)
        }
        // An announcement followed by a （市長指示） label: one block, not two.
        var merged: [Block] = []
        var intros: [Int: Element] = [:]
        for (i, block) in blocks.enumerated() {
            if let last = merged.last, last.kind == .directives, last.label == nil, last.elements.isEmpty,
               block.kind == .directives, result.directiveIntros[i] == nil {
                var combined = block
                combined.issuer = last.issuer ?? block.issuer
                merged[merged.count - 1] = combined
                continue
            }
            if let intro = result.directiveIntros[i] { intros[merged.count] = intro }
            merged.append(block)
        }
        result.blocks = merged
        result.directiveIntros = intros
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
    /// 指 in it (empty when no line has). Every announcement has 指示, which a line break may split (指 at the end of one
    /// line, 示 at the start of the next), so only elements with one of these lines can hold one.
    /// The whole text is searched once rather than line by line.
    static func linesMentioning(_ lines: ArraySlice<SourceLine>) -> [Bool] {
        guard let first = lines.first, let last = lines.last else { return [] }
        let text = first.content.base
        let utf8 = text.utf8
        // Byte offsets of 指 in the text, in order.
        let offsets: [Int] = text.withUTF8Bytes { bytes in
            var found: [Int] = []
            var from = 0
            while let at = bytes.offset(of: "指", from: from) {
                found.append(at)
                from = at + 3
            }
            return found
        }
        guard !offsets.isEmpty else { return [] }
        // By line number: whether the line has 指 in it.
        var numbers = [Bool](repeating: false, count: last.number + 1)
        var next = 0
        for line in lines where !line.isBlank {
            let end = utf8.distance(from: utf8.startIndex, to: line.content.endIndex)
            while next < offsets.count, offsets[next] < end {
                if offsets[next] >= utf8.distance(from: utf8.startIndex, to: line.content.startIndex) { numbers[line.number] = true }
                next += 1
            }
            if next == offsets.count { break }
        }
        return numbers
    }

    private static let separators = Set("、，,。 　・".unicodeScalars)

    static func issuer(in text: String) -> String? {
        let phrases = ["から以下のとおり指示", "から以下の通り指示", "から次のとおり指示", "から次の通り指示",
                       "から次のような指示", "から以下の指示", "から次の指示"]
        // Every phrase has 指示 in it: one search rules most sentences out.
        guard UTF8Search.contains(text, "指示") else { return nil }
        for phrase in phrases {
            guard let before = UTF8Search.prefix(of: text, before: phrase) else { continue }
            let scalars = before.unicodeScalars
            let start = scalars.lastIndex(where: { separators.contains($0) }).map { scalars.index(after: $0) } ?? scalars.startIndex
            let issuer = TitleExtractor.trimSpaces(String(Substring(scalars[start...])))
            return issuer.isEmpty ? nil : issuer
        }
        return nil
    }
}
