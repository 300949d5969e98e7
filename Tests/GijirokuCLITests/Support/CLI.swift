import Foundation
import GijirokuMessages
import GijirokuTestSupport
@testable import GijirokuCLI

/// `gijiroku` run in-process, as the tests of every command run it: exit code, standard
/// output and standard error, in the language asked for (Japanese unless a test says).
enum CLI {
    struct Run { var code: Int32; var out: String; var err: String }

    static func run(_ arguments: [String], language: Language = .japanese, stdin: String = "",
                    environment: [String: String] = [:]) -> Run {
        var out = "", err = ""
        var env = ProcessInfo.processInfo.environment
        env["GIJIROKU_LANG"] = language.rawValue
        env.merge(environment) { _, new in new }
        let code = GijirokuCommand.run(arguments, environment: env, standardInput: { Array(stdin.utf8) }, output: &out, errors: &err)
        return Run(code: code, out: out, err: err)
    }

    /// The built binary, for end-to-end tests.
    static let binary = Repository.root.appendingPathComponent(".build/debug/gijiroku").path

    /// The environment the binary runs in, in end-to-end tests: this one, in Japanese.
    static var binaryEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["GIJIROKU_LANG"] = "ja"
        return env
    }

    /// A fresh index path in a folder of its own (nothing is created).
    static func freshDatabase() -> String {
        Repository.scratch.appendingPathComponent("gijiroku-cli-\(UUID().uuidString)/index.sqlite").path
    }
}
