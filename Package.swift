// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gijiroku",
    products: [
        .library(name: "Gijiroku", targets: ["Gijiroku"]),
        .executable(name: "gijiroku", targets: ["gijiroku"]),
    ],
    targets: [
        // The library: decoding, text repair, the minutes parser and its record. No CLI, no SQLite.
        // zlib, to read DOCX files (ZIP archives); Debian: zlib1g-dev.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Gijiroku", dependencies: ["CZlib"]),
        // The system's SQLite 3 (with FTS5), through its C API; Debian: libsqlite3-dev.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // The SQLite store, the Japanese bigram tokenizer for FTS5, indexing and search.
        .target(name: "GijirokuIndex", dependencies: ["Gijiroku", "CSQLite"]),
        // The command-line tool's logic, callable in-process from tests.
        .target(name: "GijirokuCLI", dependencies: ["Gijiroku", "GijirokuIndex"]),
        .executableTarget(name: "gijiroku", dependencies: ["GijirokuCLI"]),
        // Benchmarks (never run as tests): `swift run -c release gijiroku-bench`.
        .executableTarget(name: "gijiroku-bench", dependencies: ["Gijiroku"]),
        // Search benchmark against FTS5 trigram, Groonga and grep: `swift run -c release gijiroku-search-bench`.
        .executableTarget(name: "gijiroku-search-bench", dependencies: ["Gijiroku", "GijirokuIndex", "CSQLite"]),
        // Link evaluation against Corpus/gold/links.json: `swift run gijiroku-link-eval`.
        .executableTarget(name: "gijiroku-link-eval", dependencies: ["GijirokuIndex"]),
        .testTarget(name: "GijirokuTests", dependencies: ["Gijiroku"], exclude: ["Fixtures"]),
        .testTarget(name: "GijirokuIndexTests", dependencies: ["GijirokuIndex", "Gijiroku", "CSQLite"]),
        .testTarget(name: "GijirokuCLITests", dependencies: ["GijirokuCLI", "Gijiroku"]),
    ],
    swiftLanguageModes: [.v6]
)
