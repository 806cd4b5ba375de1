import ArgumentParser
import Foundation
import Project
import SQLiteAdapter
import Warehouse

/// Opens the warehouse the profile's target names.
enum AdapterFactory {
    /// Why the warehouse could not be opened, worded for the user.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Opens the warehouse, or prints why not and exits 2 (an error before running).
    static func make(for workspace: Workspace) throws -> any WarehouseAdapter {
        do {
            return try open(for: workspace)
        } catch let failure as Failure {
            workspace.console.error(failure.description)
            throw ExitCode(2)
        }
    }

    /// Opens the warehouse; throws a `Failure` saying why not.
    static func open(for workspace: Workspace) throws -> any WarehouseAdapter {
        guard let target = workspace.project.profile?.target else {
            throw Failure(description: "This command needs a profile with a target: none was found for project '\(workspace.project.root.name)'")
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
                throw Failure(description: "The '\(target.type)' adapter is not built into this ingot yet (target '\(target.name)'); use a sqlite target")
            }
        } catch let e as WarehouseError {
            throw Failure(description: "Could not open the warehouse of target '\(target.name)' (\(profileLocation(target))):\n  \(e.description)")
        }
    }

    private static func profileLocation(_ target: ProfileTarget) -> String {
        "\(target.location.file):\(target.location.line)"
    }
}
