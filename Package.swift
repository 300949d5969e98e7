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
        .target(name: "Gijiroku"),
        // The command-line tool's logic, callable in-process from tests.
        .target(name: "GijirokuCLI", dependencies: ["Gijiroku"]),
        .executableTarget(name: "gijiroku", dependencies: ["GijirokuCLI"]),
        // Benchmarks (never run as tests): `swift run -c release gijiroku-bench`.
        .executableTarget(name: "gijiroku-bench", dependencies: ["Gijiroku"]),
        .testTarget(name: "GijirokuTests", dependencies: ["Gijiroku"]),
        .testTarget(name: "GijirokuCLITests", dependencies: ["GijirokuCLI", "Gijiroku"]),
    ],
    swiftLanguageModes: [.v6]
)
