import ArgumentParser
import Foundation
import Project
import SQLiteAdapter
import Warehouse

/// Opens the warehouse the profile's target names.
enum AdapterFactory {
    static func make(for workspace: Workspace) throws -> any WarehouseAdapter {
        guard let target = workspace.project.profile?.target else {
            workspace.console.error("This command needs a profile with a target: none was found for project '\(workspace.project.root.name)'")
            throw ExitCode(2)
        }
        do {
            switch target.type {
            case "sqlite":
                var settings: [String: String] = [:]
                for (k, v) in target.settings { if let text = v.scalarText { settings[k] = text } }
                settings["threads"] = String(workspace.options.threads ?? target.threads)
                var paths: [String: String] = [:]
                for (k, v) in target.settings["schemas_and_paths"]?.mapValue ?? ConfigMap() { paths[k] = v.scalarText ?? "" }
                if paths.isEmpty, let path = settings["path"] { paths["main"] = path }
                let profile = try SQLiteProfile(settings: settings, schemasAndPaths: paths)
                return try SQLiteAdapter(profile: profile, baseDirectory: workspace.root)
            default:
                workspace.console.error("The '\(target.type)' adapter is not built into this ingot yet (target '\(target.name)'); use a sqlite target")
                throw ExitCode(2)
            }
        } catch let e as WarehouseError {
            workspace.console.error("Could not open the warehouse of target '\(target.name)' (\(profileLocation(target))):\n  \(e.description)")
            throw ExitCode(2)
        }
    }

    private static func profileLocation(_ target: ProfileTarget) -> String {
        "\(target.location.file):\(target.location.line)"
    }
}
