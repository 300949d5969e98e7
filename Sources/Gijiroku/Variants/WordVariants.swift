/// Word variants (表記ゆれ): groups of spellings of one word that a search finds together
/// (`子ども 子供 こども`, `取組 取組み 取り組み`, `ワーキンググループ ＷＧ`) and the linker
/// reads as one term.
///
/// The shipped groups are the data file `words.variants` beside this source, compiled in by
/// the build; users add theirs in the same format (see ``adding(_:)``). Forms are compared
/// by their ``key(_:characters:)``: character variants, width and case folded, spaces removed.
///
/// ```swift
/// let words = WordVariants.shipped
/// words.expansion(of: "子供").alternatives        // ["子供", "子ども", "こども"]
/// words.expansion(of: "子供の貧困").alternatives  // ["子供の貧困", "子どもの貧困", "こどもの貧困"]
/// words.linkForm(of: "こどもの居場所")            // "子供の居場所" (folded, for matching)
/// ```
public struct WordVariants: Sendable {
    /// The groups Gijiroku ships.
    public static let shipped: WordVariants = {
        let parsed = parse(EmbeddedVariants.words, file: "words.variants")
        // The shipped file is checked by the tests; a build with a broken one must not run.
        if let problem = parsed.problems.first { fatalError("the shipped word variants are malformed: \(problem)") }
        return WordVariants(groups: parsed.groups)
    }()

    /// One group: its forms as written, and where it was read.
    public struct Group: Sendable, Hashable, Codable {
        public var forms: [String]
        public var file: String
        public var line: Int

        public init(forms: [String], file: String, line: Int) {
            self.forms = forms
            self.file = file
            self.line = line
        }
    }

    /// A line that was not used, and why.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var reason: Reason
        public var description: String { "\(file):\(line): \(reason)" }

        public enum Reason: Sendable, Hashable, CustomStringConvertible {
            /// A line with one form: a group needs two.
            case oneForm(String)
            /// A form with nothing a search can find (punctuation only).
            case nothingToFind(String)
            /// A form of one kana, Latin letter or digit: it would find nearly everything.
            case tooShort(String)
            /// A form already in the group read on `line`.
            case alreadyGrouped(String, line: Int)

            public var description: String {
                switch self {
                case .oneForm(let f): "`\(f)` alone: a group needs at least two forms"
                case .nothingToFind(let f): "`\(f)` has nothing a search can find"
                case .tooShort(let f): "`\(f)` is one character: it would make every search find nearly everything"
                case .alreadyGrouped(let f, let line): "`\(f)` is already in the group on line \(line)"
                }
            }
        }
    }

    /// What a search word becomes: the word as typed, then its variants.
    public struct Expansion: Sendable, Hashable {
        /// The word as typed.
        public var typed: String
        /// The typed word first, then each variant spelling (at most the limit asked for).
        public var alternatives: [String]
        /// Whether the word holds a form of some group.
        public var hasVariants: Bool { alternatives.count > 1 }

        public init(typed: String, alternatives: [String]) {
            self.typed = typed
            self.alternatives = alternatives
        }

        /// Which of the spellings `text` holds: the typed one when it is there, else the
        /// first variant found, else `nil`.
        public func spelling(in text: String, characters: CharacterVariants = .shipped) -> String? {
            let haystack = WordVariants.key(text, characters: characters)
            for spelling in alternatives {
                let needle = WordVariants.key(spelling, characters: characters)
                guard !needle.isEmpty, needle.count <= haystack.count else { continue }
                var i = 0
                while i + needle.count <= haystack.count {
                    if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return spelling }
                    i += 1
                }
            }
            return nil
        }
    }

    public private(set) var groups: [Group]
    private let characters: CharacterVariants
    /// Each form's key → its group.
    private var groupOfKey: [[Unicode.Scalar]: Int] = [:]
    /// Forms by their key's first scalar, longest first: the scan's candidates.
    private var byFirst: [Unicode.Scalar: [(key: [Unicode.Scalar], group: Int)]] = [:]
    /// Each group's form for linking: the one with the most kanji and katakana.
    private var linkForms: [[Unicode.Scalar]] = []
    /// What the groups are, in 16 hex digits: equal for the same groups (each form's key,
    /// its link form, in order), whatever file they were read from. An index keeps the
    /// fingerprint its links were made with, and makes them anew when it changes.
    ///
    /// ```swift
    /// WordVariants.shipped.fingerprint == WordVariants.shipped.adding([]).fingerprint   // true
    /// ```
    public private(set) var fingerprint = ""

    /// Builds the lookup for `groups`; groups that share a form become one (a user's group
    /// that names a shipped form extends that group).
    public init(groups: [Group], characters: CharacterVariants = .shipped) {
        self.characters = characters
        self.groups = []
        for group in groups { insert(group) }
        rebuildLookup()
    }

    /// These groups and `more` (a user's), merged where they share a form.
    public func adding(_ more: [Group]) -> WordVariants {
        var copy = self
        for group in more { copy.insert(group) }
        copy.rebuildLookup()
        return copy
    }

    /// The group a form belongs to.
    public func group(of form: String) -> Group? {
        groupOfKey[Self.key(form, characters: characters)].map { groups[$0] }
    }

    private mutating func insert(_ group: Group) {
        let keys = group.forms.map { Self.key($0, characters: characters) }
        let joined = Set(keys.compactMap { groupOfKey[$0] })
        guard let target = joined.min() else {
            groups.append(group)
            for k in keys { groupOfKey[k] = groups.count - 1 }
            return
        }
        // Merge into the first group it shares a form with (and any other it joins).
        var forms = groups[target].forms
        for other in joined.sorted() where other != target { forms += groups[other].forms }
        forms += group.forms
        var seen = Set<[Unicode.Scalar]>()
        groups[target].forms = forms.filter { seen.insert(Self.key($0, characters: characters)).inserted }
        for other in joined.sorted(by: >) where other != target { groups.remove(at: other) }
        groupOfKey = [:]
        for (i, g) in groups.enumerated() { for f in g.forms { groupOfKey[Self.key(f, characters: characters)] = i } }
    }

    private mutating func rebuildLookup() {
        byFirst = [:]
        linkForms = []
        var canonical: [UInt8] = []
        defer { fingerprint = String(SHA256.hex(of: canonical).prefix(16)) }
        for (i, g) in groups.enumerated() {
            var best: [Unicode.Scalar] = []
            var bestWeight = -1
            for f in g.forms {
                let k = Self.key(f, characters: characters)
                guard let first = k.first else { continue }
                byFirst[first, default: []].append((k, i))
                let weight = k.filter(Self.isContent).count
                if weight > bestWeight { best = k; bestWeight = weight }
                canonical += String(String.UnicodeScalarView(k)).utf8
                canonical.append(0x1F)
            }
            linkForms.append(best)
            canonical += String(String.UnicodeScalarView(best)).utf8
            canonical.append(0x0A)
        }
        for first in byFirst.keys { byFirst[first]!.sort { $0.key.count > $1.key.count } }
    }

    // MARK: Reading a file

    /// Reads groups in the format of `words.variants`: the lines that are groups, and the
    /// lines that were not used, with why. A bad line never stops the rest.
    public static func parse(_ text: String, file: String, characters: CharacterVariants = .shipped) -> (groups: [Group], problems: [Problem]) {
        var groups: [Group] = []
        var problems: [Problem] = []
        var lineOfKey: [[Unicode.Scalar]: Int] = [:]
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let content = raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw[...]
            let forms = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{3000}" }).map(String.init)
            if forms.isEmpty { continue }
            if let reason = check(forms, characters: characters) {
                problems.append(Problem(file: file, line: line, reason: reason))
                continue
            }
            let keys = forms.map { key($0, characters: characters) }
            if let (form, first) = zip(forms, keys).lazy.compactMap({ f, k in lineOfKey[k].map { (f, $0) } }).first {
                problems.append(Problem(file: file, line: line, reason: .alreadyGrouped(form, line: first)))
                continue
            }
            var seen = Set<[Unicode.Scalar]>()
            let distinct = zip(forms, keys).filter { seen.insert($0.1).inserted }.map(\.0)
            guard distinct.count >= 2 else {
                problems.append(Problem(file: file, line: line, reason: .oneForm(forms[0])))
                continue
            }
            for k in keys { lineOfKey[k] = line }
            groups.append(Group(forms: distinct, file: file, line: line))
        }
        return (groups, problems)
    }

    /// Why `forms` cannot be a group, or `nil` when they can.
    public static func check(_ forms: [String], characters: CharacterVariants = .shipped) -> Problem.Reason? {
        guard forms.count >= 2 else { return .oneForm(forms.first ?? "") }
        for form in forms {
            let k = key(form, characters: characters)
            let findable = k.filter { isContent($0) || isKana($0) || isLatin($0) }
            if findable.isEmpty { return .nothingToFind(form) }
            if findable.count == 1, !isKanji(findable[0]) { return .tooShort(form) }
        }
        return nil
    }

    // MARK: Matching

    /// The scalars forms are compared by: width folded (`ＷＧ` → `wg`), character variants
    /// folded (`髙` → `高`), Latin lowercased, white space removed.
    public static func key<S: StringProtocol>(_ text: S, characters: CharacterVariants = .shipped,
                                              keepingSpaces: Bool = false) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for raw in text.unicodeScalars {
            let width = WidthFolding.fold(raw)
            if width == " " || width == "\t" || width == "\n" || width == "\r" {
                if keepingSpaces { out.append(" ") }
                continue
            }
            guard var s = characters.fold(width) else { continue }
            if s.value >= 0x41, s.value <= 0x5A { s = Unicode.Scalar(s.value + 0x20)! }
            out.append(s)
        }
        return out
    }

    /// The forms found in `key`, leftmost and longest first: (start, length, group).
    func matches(in key: [Unicode.Scalar]) -> [(start: Int, length: Int, group: Int)] {
        guard !byFirst.isEmpty else { return [] }
        var found: [(Int, Int, Int)] = []
        var i = 0
        while i < key.count {
            var matched = false
            if let candidates = byFirst[key[i]] {
                for (form, group) in candidates where form.count <= key.count - i {
                    guard key[i..<(i + form.count)].elementsEqual(form) else { continue }
                    // A Latin form is a whole word: `pt` is not inside `script`.
                    if Self.isLatin(form[0]), i > 0, Self.isLatin(key[i - 1]) { continue }
                    if Self.isLatin(form[form.count - 1]), i + form.count < key.count, Self.isLatin(key[i + form.count]) { continue }
                    found.append((i, form.count, group))
                    i += form.count
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return found
    }

    /// The word and its variant spellings: each form of a group found in the word is
    /// replaced by the group's other forms (at most `limit` spellings in all, the typed one
    /// first).
    public func expansion(of word: String, limit: Int = 16) -> Expansion {
        let k = Self.key(word, characters: characters)
        let found = matches(in: k)
        guard !found.isEmpty else { return Expansion(typed: word, alternatives: [word]) }
        // Each spelling: the key's text with each match replaced by one of its group's forms.
        var spellings: [[Unicode.Scalar]] = [[]]
        var at = 0
        for (start, length, group) in found {
            let between = Array(k[at..<start])
            let typed = Array(k[start..<(start + length)])
            let forms = [typed] + groups[group].forms.map { Self.key($0, characters: characters) }.filter { $0 != typed }
            var next: [[Unicode.Scalar]] = []
            outer: for s in spellings {
                for f in forms {
                    next.append(s + between + f)
                    if next.count >= limit { break outer }
                }
            }
            spellings = next
            at = start + length
        }
        let tail = Array(k[at...])
        var alternatives = [word]
        var seen: Set<[Unicode.Scalar]> = [k]
        for s in spellings {
            let full = s + tail
            if seen.insert(full).inserted { alternatives.append(String(String.UnicodeScalarView(full))) }
        }
        return Expansion(typed: word, alternatives: alternatives)
    }

    /// The text folded, with each form of a group replaced by the group's link form (the
    /// spelling with the most kanji and katakana): what the plan linker compares, so that
    /// `子ども` in a record and `子供` in a plan are one term.
    public func linkForm(of text: String) -> String {
        String(String.UnicodeScalarView(linkFormScalars(of: text)))
    }

    /// ``linkForm(of:)`` as scalars, for a caller that reads it a scalar at a time (the
    /// linker, hundreds of thousands of texts a run): no string is built.
    public func linkFormScalars(of text: String) -> [Unicode.Scalar] {
        let k = Self.key(text, characters: characters, keepingSpaces: true)
        let found = matches(in: k)
        guard !found.isEmpty else { return Array(text.unicodeScalars) }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(k.count)
        var at = 0
        for (start, length, group) in found {
            out += k[at..<start]
            out += linkForms[group]
            at = start + length
        }
        out += k[at...]
        return out
    }

    /// The spellings in `text` that the linker reads as another (``linkForm(of:)``), each
    /// once, in order: the group's form as listed (`ＡＩ`) and the form it is read as
    /// (`情報通信技術`, when a user's group joins `AI` to the shipped `ＩＣＴ 情報通信技術`).
    ///
    /// ```swift
    /// WordVariants.shipped.readings(in: "こどもの居場所")   // [(written: "こども", readAs: "子供")]
    /// ```
    public func readings(in text: String) -> [(written: String, readAs: String)] {
        let k = Self.key(text, characters: characters, keepingSpaces: true)
        var out: [(written: String, readAs: String)] = []
        for (start, length, group) in matches(in: k) {
            let found = Array(k[start..<(start + length)])
            guard found != linkForms[group] else { continue }
            let written = groups[group].forms.first { Self.key($0, characters: characters) == found }
                ?? String(String.UnicodeScalarView(found))
            let readAs = groups[group].forms.first { Self.key($0, characters: characters) == linkForms[group] }
                ?? String(String.UnicodeScalarView(linkForms[group]))
            if !out.contains(where: { $0.written == written && $0.readAs == readAs }) { out.append((written, readAs)) }
        }
        return out
    }

    // MARK: Character classes

    /// Kanji, katakana and the iteration marks: the characters that carry a word's content.
    static func isContent(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3005...0x3007, 0x30A1...0x30FA, 0x30FC, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    static func isKanji(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    static func isKana(_ s: Unicode.Scalar) -> Bool { (0x3041...0x3096).contains(s.value) }

    static func isLatin(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value) || (0x61...0x7A).contains(s.value) || (0x41...0x5A).contains(s.value)
    }
}
