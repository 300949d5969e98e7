/// Gives each speaker of a verbatim record the name the record gives them elsewhere, so that
/// the same person has the same `name` in every speech: a label that names only a post
/// (`○市長`, `◯議長`) takes the name of the one attendee who holds that post in the roster
/// (`出席説明員 … 市長 鈴木一郎`); a seat (`○２２番`) the name of the member in that seat; a
/// surname with a post (`◯竹中市長`) the full name of the attendee with that post and
/// surname. Where the roster says nothing, a post that one speaker's label names in full
/// (`○市長（竹中一郎君）`) names the others of that post. A post that two people hold
/// (two `副市長`) names no one. Names and posts are compared with their character variants
/// folded (`髙橋` is `高橋`), as written everywhere else.
///
/// ```swift
/// SpeakerResolver.resolve(speeches, attendees: minutes.attendees)[0].speaker.name   // "鈴木一郎"
/// ```
enum SpeakerResolver {
    /// Posts that many people hold at once.
    static let sharedPosts: Set<String> = ["委員", "議員", "事務局", "幹事", "書記", "君", "委員会", "理事", "参与", "担当"]

    static func resolve(_ speeches: [Speech], attendees: [Attendee]) -> [Speech] {
        var resolved = speeches
        resolve(&resolved, attendees: attendees)
        return resolved
    }

    /// The same, in place: only the speeches whose speaker gains a name are written.
    static func resolve(_ speeches: inout [Speech], attendees: [Attendee]) {
        guard !speeches.isEmpty else { return }
        // The roster's people by post and by seat, when one person holds each.
        var byRole: [String: String?] = [:]
        var bySeat: [Int: String] = [:]
        // A label that is a roster entry's name and post run together (`〇くどう栄子総合政策部長`):
        // the roster says where the name ends, which the label alone cannot.
        var byNameAndPost: [String: (name: String, role: String)] = [:]
        // And each entry's post with its name, for a label that is a surname and that post.
        var people: [(folded: String, name: String, role: String)] = []
        for a in attendees {
            guard let name = a.name.map(SpeakerLabel.compact), !name.isEmpty else { continue }
            let role = SpeakerLabel.compact(a.role)
            if !role.isEmpty, !sharedPosts.contains(role) {
                byRole[role] = byRole[role] == nil ? name : (byRole[role]!.map(fold) == fold(name) ? byRole[role]! : .some(nil))
                byNameAndPost[fold(name + role)] = (name, role)
                byNameAndPost[fold(role + name)] = (name, role)
                people.append((fold(name), name, role))
            }
            if let seat = a.seat { bySeat[seat] = name }
        }
        // A record has a few dozen speakers and thousands of speeches: each speaker is
        // resolved once, taken in the order they first speak, and each speech remembers
        // which of them is its own.
        // (The last few speakers are compared first, byte for byte: turns go back and forth
        // between a chair and a few others, and hashing a label costs more than comparing it.)
        var slots: [ByBytes: Int] = [:]
        var speakers: [Speaker] = []
        var slotOfSpeech: [Int] = []
        slotOfSpeech.reserveCapacity(speeches.count)
        var recent: [Int] = []
        /// ``Speaker/isWrittenAlike(_:)`` of speech `k`'s speaker and the one in `slot`, field
        /// by field where both are stored: called on the two speakers, it copies both first
        /// (three strings each), which costs more than the comparison.
        func isSpeaker(_ slot: Int, of k: Int) -> Bool {
            speakers[slot].seat == speeches[k].speaker.seat && speakers[slot].category == speeches[k].speaker.category
                && speakers[slot].label.utf8.count == speeches[k].speaker.label.utf8.count
                && UTF8Search.equals(speakers[slot].label, speeches[k].speaker.label)
                && Speaker.sameBytes(speakers[slot].name, speeches[k].speaker.name) && Speaker.sameBytes(speakers[slot].role, speeches[k].speaker.role)
        }
        for k in speeches.indices {
            let slot: Int
            if let r = recent.firstIndex(where: { isSpeaker($0, of: k) }) {
                slot = recent[r]
                if r > 0 { recent.remove(at: r); recent.insert(slot, at: 0) }
            } else {
                let key = ByBytes(speeches[k].speaker)
                if let known = slots[key] {
                    slot = known
                } else {
                    slot = speakers.count
                    slots[key] = slot
                    speakers.append(speeches[k].speaker)
                }
                recent.insert(slot, at: 0)
                if recent.count > 4 { recent.removeLast() }
            }
            slotOfSpeech.append(slot)
        }
        // Full names the labels themselves give, by post.
        var named: [String: String?] = [:]
        for speaker in speakers {
            guard let role = speaker.role, !sharedPosts.contains(role), let name = speaker.name, name.count >= 3 else { continue }
            named[role] = named[role] == nil ? name : (named[role]!.map(fold) == fold(name) ? named[role]! : .some(nil))
        }
        let resolved = speakers.map { resolve($0, byNameAndPost: byNameAndPost, people: people, bySeat: bySeat, byRole: byRole, named: named) }
        let changed = zip(speakers, resolved).map { !$0.isWrittenAlike($1) }
        for i in speeches.indices where changed[slotOfSpeech[i]] {
            speeches[i].speaker = resolved[slotOfSpeech[i]]
        }
    }

    /// A speaker as a key, compared and hashed by the bytes of its texts (`String` hashing
    /// normalises Unicode first, which costs more than resolving a speaker does).
    private struct ByBytes: Hashable {
        let speaker: Speaker
        init(_ speaker: Speaker) { self.speaker = speaker }

        static func == (a: ByBytes, b: ByBytes) -> Bool { a.speaker.isWrittenAlike(b.speaker) }

        func hash(into hasher: inout Hasher) {
            // The label says most; the other fields are compared when labels are alike.
            speaker.label.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(speaker.seat)
        }
    }

    /// One speaker, with the name the roster or another label gives them.
    private static func resolve(_ speaker: Speaker, byNameAndPost: [String: (name: String, role: String)], people: [(folded: String, name: String, role: String)],
                                bySeat: [Int: String], byRole: [String: String?], named: [String: String?]) -> Speaker {
        // `（委員）`, `議員`: a post many hold names no one, whatever the roster lists.
        var speaker = speaker
        let unmarked = String(SpeakerLabel.compact(speaker.label).unicodeScalars.drop { SpeakerLabel.markerScalars.contains($0) })
        if let entry = byNameAndPost[fold(unmarked)] {
            speaker.name = entry.name
            speaker.role = entry.role
            return speaker
        }
        // `○波多野総務局長`: a surname and a post that one roster entry holds, where the label
        // alone cuts the name at two characters (`波多`, `野総務局長`).
        if speaker.name != nil, speaker.seat == nil {
            let label = fold(unmarked)
            let holders = people.filter { p in
                UTF8Search.hasSuffix(label, p.role) && label.utf8.count > p.role.utf8.count
                    && UTF8Search.hasPrefix(p.folded, String(label.utf8.dropLast(p.role.utf8.count))!)
            }
            if holders.count == 1 {
                speaker.name = holders[0].name
                speaker.role = holders[0].role
                return speaker
            }
        }
        let role = speaker.role.map(SpeakerLabel.compact)
        if let seat = speaker.seat, let name = bySeat[seat], speaker.name.map({ UTF8Search.hasPrefix(fold(name), fold($0)) }) ?? true {
            speaker.name = name
        } else if let role, let held = byRole[role], let name = held {
            // A surname with the post: only when the roster's holder has that surname.
            if speaker.name.map({ UTF8Search.hasPrefix(fold(name), fold($0)) }) ?? true { speaker.name = name }
        } else if let role, let held = named[role], let name = held, speaker.name.map({ UTF8Search.hasPrefix(fold(name), fold($0)) }) ?? true {
            speaker.name = name
        }
        return speaker
    }

    /// A name or post as compared: character variants folded (`髙橋` → `高橋`).
    private static func fold(_ text: String) -> String { CharacterVariants.shipped.fold(text) }
}
