import ArgumentParser
import Compile
import Foundation
import Project

/// `ingot compile`: renders the selected nodes to SQL under `target/compiled/`, or compiles an
/// inline query with `--inline`.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compile", abstract: "Compile models, tests and analyses to SQL.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions

    @Option(name: .customLong("inline"), help: "Compile this SQL (Jinja allowed) instead of project files, and print it.")
    var inline: String?

    func run() throws {
        let started = Date()
        let workspace = try Workspace(global)
        let (session, manifest) = try workspace.parse()
        let compiler = Compiler(session: session, manifest: manifest)
        if let inline {
            do {
                let sql = try compiler.compileInline(inline)
                if global.quiet {
                    workspace.console.result(sql)
                } else {
                    workspace.console.info("Compiled inline node is:")
                    workspace.console.result(sql)
                }
            } catch let e as CompileError {
                workspace.console.error("Compilation Error in inline query\n  \(e.description)")
                throw ExitCode(1)
            }
            return
        }
        let ids = try workspace.select(selection, in: manifest, types: [.model, .test, .analysis, .snapshot])
        let compiled: [ManifestNode]
        do {
            compiled = try compiler.compile(ids)
        } catch let e as CompileError {
            workspace.console.error("Compilation Error in \(e.file ?? "project")\n  \(e.description.replacingOccurrences(of: "\n", with: "\n  "))")
            throw ExitCode(1)
        }
        try workspace.writeCompiled(compiled)
        try workspace.writeManifest(compiler.manifest, session: session)
        if compiled.count == 1, let only = compiled.first, !selection.select.isEmpty {
            workspace.console.info("Compiled node '\(only.name)' is:")
            workspace.console.result(only.compiledCode ?? "")
        }
        let elapsed = String(format: "%.2f", Date().timeIntervalSince(started))
        workspace.console.info("Compiled \(compiled.count) nodes in \(elapsed)s; wrote \(workspace.relative(workspace.compiledDirectory))")
    }
}
