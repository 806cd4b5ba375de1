import ArgumentParser
import Compile
import Foundation

/// `ingot parse`: reads the whole project, checks it, writes `target/manifest.json`.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Parse the project and write target/manifest.json.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let started = Date()
        let workspace = try Workspace(global)
        let (session, manifest) = try workspace.parse()
        try workspace.writeManifest(manifest, session: session)
        let elapsed = String(format: "%.2f", Date().timeIntervalSince(started))
        workspace.console.info("Parsed \(manifest.nodes.count) nodes, \(manifest.sources.count) sources, \(manifest.macros.count) macros in \(elapsed)s; wrote \(workspace.relative(workspace.manifestPath))")
    }
}
