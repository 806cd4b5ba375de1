import ArgumentParser
import Foundation
import Project

/// `ingot clean`: deletes the project's clean-targets (by default `target/` and `dbt_packages/`),
/// never anything outside the project directory.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clean", abstract: "Delete the clean-targets of dbt_project.yml.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let workspace = try Workspace(global, requireProfile: false)
        let root = URL(fileURLWithPath: workspace.root).standardizedFileURL.path
        for target in workspace.project.definition.cleanTargets {
            let path = URL(fileURLWithPath: target, relativeTo: URL(fileURLWithPath: root + "/")).standardizedFileURL.path
            guard path.hasPrefix(root + "/") else {
                workspace.console.error("Refusing to delete \(path): clean-targets must be inside the project directory")
                throw ExitCode(2)
            }
            if FileManager.default.fileExists(atPath: path) {
                try FileManager.default.removeItem(atPath: path)
                workspace.console.info("Cleaned \(target)/")
            } else {
                workspace.console.info("Checked \(target)/: nothing to clean")
            }
        }
        workspace.console.info("Finished cleaning all paths.")
    }
}
