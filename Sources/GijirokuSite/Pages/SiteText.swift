import GijirokuMessages

/// A site text in Japanese (the site's language), from the message catalogue.
func text(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
    Message(key, arguments).text(in: .japanese)
}

/// The label of an element kind.
func kindLabel(_ kind: String) -> String {
    switch kind {
    case "explanation": text(.kindExplanation)
    case "question": text(.kindQuestion)
    case "answer": text(.kindAnswer)
    case "directive": text(.kindDirective)
    case "plan": text(.kindPlan)
    case "document": text(.kindDocument)
    case "attendees": text(.kindAttendees)
    case "speech": text(.kindSpeech)
    case "decision": text(.kindDecision)
    default: text(.kindOther)
    }
}
