import Foundation
import PackagePlugin

/// Compiles the target's `*.variants` data files into Swift, so the tables are the files
/// in the repository (readable, published, the single definition) and a copied binary
/// still needs no resource files.
///
/// `Sources/Gijiroku/Variants/characters.variants` becomes the generated
/// `EmbeddedVariants.swift` with `EmbeddedVariants.characters` holding its text.
@main
struct EmbedVariants: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let inputs = target.sourceFiles.map(\.url).filter { $0.pathExtension == "variants" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !inputs.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedVariants.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.map(\.lastPathComponent).joined(separator: ", "))",
            executable: try context.tool(named: "gijiroku-embed").url,
            arguments: [output.path] + inputs.map(\.path),
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
