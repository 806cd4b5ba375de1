import ArgumentParser
import Foundation
import Project

/// `ingot deps`: resolves packages.yml. dbt_utils and dbt_expectations are built in; local and
/// already vendored packages load from disk; anything else must be vendored by hand.
struct DepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deps", abstract: "Resolve the packages in packages.yml.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let console = Console(global)
        let options = LoadOptions(projectDir: global.projectDir, profilesDir: global.profilesDir, requireProfile: false)
        let packages: [ResolvedPackage]
        do {
            packages = try ProjectLoader.resolveDependencies(options)
        } catch {
            console.error(error.description)
            throw ExitCode(2)
        }
        if packages.isEmpty {
            console.info("Warning: No packages were found in packages.yml")
            return
        }
        for p in packages {
            switch p.origin {
            case .builtin: console.info("Installed from built-in: \(p.name) (ingot's own implementation; no download needed)")
            case .local(let dir): console.info("Installed from local: \(p.name) at \(dir)")
            case .vendored(let dir): console.info("Using vendored package: \(p.name) at \(dir)")
            }
        }
    }
}
