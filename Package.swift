// swift-tools-version:6.0
import PackageDescription

// The pipeline, target by target:
//   GijirokuInput (files, folders, PDF, DOCX) → Gijiroku (bytes → records)
//   → GijirokuIndex (SQLite store, full text, search, links, directives)
//   → GijirokuSite (the index as a static searchable site) → GijirokuCLI (`gijiroku`).
// GijirokuMessages holds every user-facing text, in Japanese and English.
let package = Package(
    name: "Gijiroku",
    products: [
        .library(name: "Gijiroku", targets: ["Gijiroku"]),
        .library(name: "GijirokuInput", targets: ["GijirokuInput"]),
        .library(name: "GijirokuIndex", targets: ["GijirokuIndex"]),
        .executable(name: "gijiroku", targets: ["gijiroku"]),
    ],
    targets: [
        // Every user-facing text, Japanese and English, by key. No dependencies.
        .target(name: "GijirokuMessages"),
        // The library: bytes in, records out (decoding, kind detection, the parsers, JSON and
        // Markdown). No file system, no processes, no SQLite.
        // Its spelling-variant tables are the data files Sources/Gijiroku/Variants/*.variants,
        // compiled in by the EmbedFiles plugin.
        .target(name: "Gijiroku", dependencies: ["GijirokuMessages"], plugins: ["EmbedFiles"]),
        .plugin(name: "EmbedFiles", capability: .buildTool()),
        // zlib, to read DOCX files (ZIP archives); Debian: zlib1g-dev.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The input layer: files and folders, PDF through pdftotext, DOCX; the parallel
        // read-and-parse pipeline shared by `convert` and the index.
        .target(name: "GijirokuInput", dependencies: ["Gijiroku", "CZlib"]),
        // The system's SQLite 3 (with FTS5), through its C API; Debian: libsqlite3-dev.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // The SQLite store, the Japanese bigram tokenizer for FTS5, indexing, search, links, directives.
        .target(name: "GijirokuIndex", dependencies: ["Gijiroku", "GijirokuInput", "GijirokuMessages", "CSQLite"]),
        // The static site (`gijiroku site`): pages and search shards from the index; its
        // script and style sheet (Sources/GijirokuSite/Assets) are compiled in by EmbedFiles.
        .target(name: "GijirokuSite", dependencies: ["Gijiroku", "GijirokuInput", "GijirokuIndex", "GijirokuMessages"], plugins: ["EmbedFiles"]),
        // The command-line tool's logic: the command table, argument parser and commands,
        // callable in-process from tests.
        .target(name: "GijirokuCLI", dependencies: ["Gijiroku", "GijirokuInput", "GijirokuIndex", "GijirokuSite", "GijirokuMessages"]),
        .executableTarget(name: "gijiroku", dependencies: ["GijirokuCLI"]),
        // Benchmarks (never run as tests): `swift run -c release gijiroku-bench`.
        .executableTarget(name: "gijiroku-bench", dependencies: ["Gijiroku", "GijirokuInput"], path: "Benchmarks/gijiroku-bench"),
        // Search benchmark against FTS5 trigram, Groonga and grep: `swift run -c release gijiroku-search-bench`.
        .executableTarget(name: "gijiroku-search-bench", dependencies: ["Gijiroku", "GijirokuIndex", "CSQLite"], path: "Benchmarks/gijiroku-search-bench"),
        // The linker's evaluation against Corpus/gold/links.json: `swift run gijiroku-link-eval`.
        .target(name: "GijirokuEvaluation", dependencies: ["GijirokuIndex", "GijirokuInput", "Gijiroku"], path: "Evaluation/GijirokuEvaluation"),
        .executableTarget(name: "gijiroku-link-eval", dependencies: ["GijirokuEvaluation"], path: "Evaluation/gijiroku-link-eval"),
        // The parser on real records against ../shared/realworld/gold.json: `swift run gijiroku-realworld-eval`.
        .executableTarget(name: "gijiroku-realworld-eval", dependencies: ["GijirokuEvaluation"], path: "Evaluation/gijiroku-realworld-eval"),
        // Tests mirror Sources/; what several test targets share (paths, the seeded generator) is in one place.
        .target(name: "GijirokuTestSupport", path: "Tests/GijirokuTestSupport"),
        .testTarget(name: "GijirokuMessagesTests", dependencies: ["GijirokuMessages"]),
        .testTarget(name: "GijirokuTests", dependencies: ["Gijiroku", "GijirokuMessages", "GijirokuTestSupport"]),
        .testTarget(name: "GijirokuInputTests", dependencies: ["GijirokuInput", "Gijiroku", "GijirokuTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "GijirokuIndexTests", dependencies: ["GijirokuIndex", "GijirokuInput", "Gijiroku", "CSQLite", "GijirokuEvaluation", "GijirokuTestSupport"]),
        .testTarget(name: "GijirokuEvaluationTests", dependencies: ["GijirokuEvaluation", "GijirokuTestSupport"]),
        .testTarget(name: "GijirokuCLITests", dependencies: ["GijirokuCLI", "Gijiroku", "GijirokuMessages", "GijirokuTestSupport"]),
        .testTarget(name: "GijirokuSiteTests", dependencies: ["GijirokuSite", "GijirokuIndex", "Gijiroku", "GijirokuTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
