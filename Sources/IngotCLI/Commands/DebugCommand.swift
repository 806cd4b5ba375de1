import ArgumentParser
import Foundation
import Project
import Warehouse

/// `ingot debug`: shows versions, paths, the profile and target, checks the project files and
/// connects to the warehouse (`select 1`), as `dbt debug` does; exits 1 when a check fails.
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
            if let failure = Self.connectionTest(workspace) {
                console.result("  Connection test: [ERROR]\n")
                console.result("1 check failed:")
                console.result("ingot was unable to connect to the specified database.\nThe database returned the following error:\n")
                console.result("  >\(failure.replacingOccurrences(of: "\n", with: "\n   "))\n")
                console.result("Check your database credentials and try again. For more information, visit:\nhttps://docs.getdbt.com/docs/configure-your-profile\n")
                throw ExitCode(1)
            }
            console.result("  Connection test: [OK connection ok]\n")
        }
        console.result("All checks passed!")
    }

    /// Opens the warehouse and runs `select 1`; nil when that worked, else why not.
    private static func connectionTest(_ workspace: Workspace) -> String? {
        do {
            // As the commands that run do: a profile may keep its database files under target/.
            try FileManager.default.createDirectory(atPath: workspace.targetDirectory, withIntermediateDirectories: true)
            let adapter = try AdapterFactory.open(for: workspace)
            defer { adapter.close() }
            let outcome = try adapter.execute("select 1 as id", fetch: true)
            guard outcome.rows.first?.first == .int(1) else { return "select 1 returned \(outcome.rows)" }
            return nil
        } catch let e as WarehouseError {
            return "Database Error\n\(e.message)"
        } catch {
            return "Runtime Error\n\(error)"
        }
    }

    private static func which(_ tool: String) -> Bool {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }
}
