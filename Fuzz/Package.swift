// swift-tools-version:6.0
// A libFuzzer harness over decoding, every parser, DOCX, and the JSON and Markdown writers.
// Built only when asked (`Fuzz/run SECONDS`), with the toolchain's `-sanitize=fuzzer,address`.
import PackageDescription

let package = Package(
    name: "GijirokuFuzz",
    dependencies: [.package(name: "Gijiroku", path: "..")],
    targets: [
        .executableTarget(
            name: "gijiroku-fuzz",
            dependencies: [.product(name: "Gijiroku", package: "Gijiroku"), .product(name: "GijirokuInput", package: "Gijiroku")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
