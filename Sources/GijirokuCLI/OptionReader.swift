/// Reads `--name value`, `--name=value` and flags from a subcommand's arguments; what is
/// left are the positional arguments. Unknown options become `problem`.
struct OptionReader {
    let command: String
    private var arguments: [String]
    private(set) var problem: String?

    init(_ arguments: [String], command: String) {
        self.arguments = arguments
        self.command = command
    }

    mutating func value(_ name: String) -> String? {
        for (i, arg) in arguments.enumerated() {
            if arg == name {
                guard i + 1 < arguments.count else {
                    problem = problem ?? "gijiroku \(command): error: \(name) の後に値がありません"
                    arguments.remove(at: i)
                    return nil
                }
                let v = arguments[i + 1]
                arguments.removeSubrange(i...(i + 1))
                return v
            }
            if arg.hasPrefix(name + "=") {
                arguments.remove(at: i)
                return String(arg.dropFirst(name.count + 1))
            }
        }
        return nil
    }

    mutating func flag(_ name: String) -> Bool {
        guard let i = arguments.firstIndex(of: name) else { return false }
        arguments.remove(at: i)
        return true
    }

    /// What remains; an unknown option (`--x`, but not `-` or a negated search word) is a problem.
    var positional: [String] {
        mutating get {
            if let unknown = arguments.first(where: { $0.hasPrefix("--") }) {
                problem = problem ?? "gijiroku \(command): error: 不明なオプションです: \(unknown)"
            }
            return arguments.filter { !$0.hasPrefix("--") }
        }
    }
}
