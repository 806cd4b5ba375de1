import ArgumentParser
import Foundation
import Project

/// `ingot debug`: shows versions, paths, the profile and target, and checks the project files.
struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "debug", abstract: "Show the setup and check the project and profile.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let console = Console(global)
        console.result(IngotVersion.string)
        console.result("os info: \(ProcessInfo.processInfo.operatingSystemVersionString)")
        let projectDir = URL(fileURLWithPath: global.projectDir).standardizedFileURL.path
        console.result("Using dbt_project.yml file at \(projectDir)/dbt_project.yml")
        let workspace: Workspace
        do {
            workspace = try Workspace(global)
        } catch {
            console.result("Configuration:\n  dbt_project.yml file [ERROR]\n  profiles.yml file [ERROR]")
            throw ExitCode(1)
        }
        if let profile = workspace.project.profile {
            console.result("Using profiles.yml file at \(profile.profilesFile)")
            console.result("Configuration:\n  profiles.yml file [OK found and valid]\n  dbt_project.yml file [OK found and valid]")
            console.result("Required dependencies:\n - git [\(Self.which("git") ? "OK found" : "not found")]")
            console.result("Connection:")
            console.result("  profile: \(profile.profileName)\n  target: \(profile.target.name)\n  type: \(profile.target.type)\n  threads: \(profile.target.threads)")
            for (key, value) in profile.target.settings where !["password", "pass", "token"].contains(key) {
                console.result("  \(key): \(value.scalarText ?? "…")")
            }
            console.result("  Connection test: [SKIPPED] running models arrives with the SQLite adapter; the profile is valid")
        }
        console.result("All checks passed!")
    }

    private static func which(_ tool: String) -> Bool {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }
}
