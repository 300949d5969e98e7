/// Stage 2a: reads the header: title lines, labelled fields with their continuation
/// lines, `※` notes and page chrome, up to the first line that belongs to the body.
///
/// ```swift
/// let header = HeaderReader().read(SourceLine.split(text))
/// header.fields.map(\.field)   // [.date, .place, .attendees, .agenda]
/// header.bodyStart             // index of the first body line
/// ```
struct HeaderReader {
    struct Field {
        var field: HeaderField.Field
        var label: Substring?
        /// The value on the label's own line, then the continuation lines.
        var firstValue: Substring
        var labelLine: SourceLine
        var continuation: [SourceLine] = []

        var allLines: [SourceLine] { [labelLine] + continuation }
        /// The field's last line (its label's line when the value did not continue).
        var lastLine: SourceLine { continuation.last ?? labelLine }
        /// Whether the field has no value yet (continuation lines are never blank).
        var hasNoValue: Bool { firstValue.isEmpty && continuation.isEmpty }
        var range: LineRange { LineRange(labelLine.number, continuation.last?.number) }

        /// The value parts with their lines, the label's own line first.
        var valueParts: [(text: Substring, line: SourceLine)] {
            (firstValue.isEmpty ? [] : [(firstValue, labelLine)]) + continuation.map { ($0.content, $0) }
        }

        var value: String {
            var out = String(firstValue)
            for line in continuation { out += line.content }
            return out
        }
    }

    struct Result {
        var titleLines: [SourceLine] = []
        var fields: [Field] = []
        var notes: [Element] = []
        var chrome: [SourceLine] = []
        var bodyStart: Int = 0
    }

    func read(_ lines: [SourceLine]) -> Result {
        var result = Result()
        var inNote = false
        var agendaStyle: Numbering.Style?
        var index = 0
        scan: while index < lines.count {
            let line = lines[index]
            if line.isBlank { index += 1; continue }
            let kind = LineClassifier.classify(line.content)
            switch kind {
            case .blockLabel: break scan
            case .answer: break scan
            case .chrome:
                result.chrome.append(line)
                index += 1
                continue
            default: break
            }
            if let label = HeaderLabel.match(line.content) {
                inNote = false
                result.fields.append(Field(field: label.field, label: label.written, firstValue: label.value, labelLine: line))
                agendaStyle = label.field == .agenda ? Numbering.parse(label.value)?.style : nil
                index += 1
                continue
            }
            // A speaker's label opens the proceedings of a verbatim record.
            if let label = SpeakerLabel.read(line.content),
               ProceedingsReader.opensUtterance(label, line: line, next: index + 1 < lines.count ? lines[index + 1] : nil) {
                break scan
            }
            if index + 1 < lines.count, ProceedingsReader.splitLabel(line, next: lines[index + 1]) != nil { break scan }
            // `午後１時開会・開議` on its own line: the proceedings begin.
            if let event = ProceedingsReader.event(line), event.time != nil { break scan }
            if kind == .note {
                inNote = true
                result.notes.append(Element(kind: .note, marker: nil, line: line))
                index += 1
                continue
            }
            if inNote {
                if case .text = kind { result.notes[result.notes.count - 1].append(line); index += 1; continue }
                break scan
            }
            guard let field = result.fields.last else {
                if isSectionHeading(line.content), !result.titleLines.isEmpty { break scan }
                result.titleLines.append(line)
                index += 1
                continue
            }
            switch (field.field, kind) {
            case (.agenda, .numbered(let n)):
                if let style = agendaStyle, style != n.style { break scan }
                agendaStyle = n.style
            case (.agenda, .bullet):
                // Bulleted agenda items, unless the list is numbered (then a bullet starts the body).
                if agendaStyle != nil { break scan }
            case (.agenda, .text):
                // An unnumbered line continues a title only when the line above was broken mid-way.
                if !field.hasNoValue, field.lastLine.endsWithSpace { break scan }
            case (.attendees, .text), (.attendees, .bullet), (.secretariat, .text), (.absentees, .text):
                break
            case (_, .text):
                if field.field == .date || field.field == .place || field.field == .time || field.field == .start
                    || field.field == .end || field.field == .noticeDate || field.field == .chair {
                    // A value continues on the next line only when the field has none yet or was broken mid-way.
                    if !field.hasNoValue && field.lastLine.endsWithSpace { break scan }
                }
            default:
                break scan
            }
            result.fields[result.fields.count - 1].continuation.append(line)
            index += 1
        }
        result.bodyStart = index
        return result
    }

    /// A body heading such as `議事の経過` ends the title, even when it is unlabelled.
    private func isSectionHeading(_ content: Substring) -> Bool {
        if case .blockLabel = LineClassifier.classify(content) { return true }
        return false
    }
}
