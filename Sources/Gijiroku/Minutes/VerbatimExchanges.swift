/// Finds the questions and answers of a verbatim record among its utterances: a member's
/// turn that asks (質問, 質疑, 伺います, お尋ね …) and every official's or the secretariat's turn
/// after it until the next member speaks, the chair's procedural turns in between left out. Re-questions
/// (再質問) are exchanges of their own; a run of answers to one 一括質問 is one exchange.
///
/// ```swift
/// let exchanges = VerbatimExchanges.find(in: minutes.speeches)
/// exchanges.first?.questioner?.label   // "○２０番（浜木まさし議員）"
/// ```
enum VerbatimExchanges {
    /// Words by which a member's turn asks rather than reports or objects.
    static let asking = ["質問", "質疑", "伺い", "伺います", "お尋ね", "お聞き", "でしょうか", "ですか", "ますか", "答弁を求め", "見解を", "か。", "か？", "？"]

    static func find(in speeches: [Speech]) -> [Exchange] {
        var exchanges: [Exchange] = []
        var question: Speech?
        var answers: [Answer] = []
        func close() {
            if let q = question, !answers.isEmpty {
                var exchange = Exchange(question: q.text, questionMarker: marker(of: q.speaker), questionLines: q.lines,
                                        answers: answers, questioner: q.speaker)
                exchange.agendaNumber = q.agendaNumber
                exchanges.append(exchange)
            }
            question = nil
            answers = []
        }
        // (By index: the chair's many turns are passed over without a copy of each.)
        for k in speeches.indices {
            switch speeches[k].speaker.category {
            case .member:
                close()
                if asking.contains(where: { speeches[k].text.includes($0) }) { question = speeches[k] }
            case .official, .secretariat:
                // A council's secretariat answers a member in committees and advisory councils
                // (`委員：…ですか。` then `事務局：…`); in a plenary it speaks only at the chair's call.
                guard question != nil else { continue }
                let speech = speeches[k]
                answers.append(Answer(marker: marker(of: speech.speaker), text: speech.text, lines: speech.lines, speaker: speech.speaker))
            case .chair, .other:
                continue
            }
        }
        close()
        return exchanges
    }

    /// The label's marker (`○`, `◯`, `◎`), or nothing.
    static func marker(of speaker: Speaker) -> String {
        speaker.label.first.map { SpeakerLabel.markers.contains($0) ? String($0) : "" } ?? ""
    }
}
