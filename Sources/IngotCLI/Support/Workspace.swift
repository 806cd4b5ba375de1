import ArgumentParser
import Compile
import Foundation
import Graph
import Project
import Warehouse

/// Loads the project a command works on and parses it, turning errors into dbt's exit codes:
/// 2 for anything that stops ingot before it runs nodes.
struct Workspace {
    let options: GlobalOptions
    let console: Console
    let project: LoadedProject

    init(_ options: GlobalOptions, requireProfile: Bool = true) throws {
        self.options = options
        console = Console(options)
        var vars = ConfigMap()
        if let text = options.vars, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            guard case .map(let m)? = try Workspace.guarded({ try YAMLReader.parse(text, file: "--vars")?.configValue }) else {
                console.error("--vars must be a YAML dictionary, for example '{key: value}'; got: \(text)")
                throw ExitCode(2)
            }
            vars = m
        }
        let load = LoadOptions(projectDir: options.projectDir, profilesDir: options.profilesDir, profile: options.profile,
                               target: options.target, cliVars: vars, requireProfile: requireProfile)
        do {
            project = try ProjectLoader.load(load)
        } catch {
            console.error(error.description)
            throw ExitCode(2)
        }
        let logs = project.definition.logPath
        console.logFile.open(directory: logs.hasPrefix("/") ? logs : (project.definition.rootPath as NSString).appendingPathComponent(logs))
        for w in project.warnings { console.warn(w.description) }
    }

    private static func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ProjectError {
            FileHandle.standardError.write(Data("\(e.description)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// The project's root directory.
    var root: String { project.definition.rootPath }

    /// The target directory (`target/` by default).
    var targetDirectory: String {
        let path = project.definition.targetPath
        return path.hasPrefix("/") ? path : (root as NSString).appendingPathComponent(path)
    }

    /// Parses the project into a manifest (exit 2 on a parse error).
    func parse(warehouse: any WarehouseIntrospecting = NoWarehouse()) throws -> (CompileSession, Manifest) {
        let console = self.console
        do {
            let session = try CompileSession(project: project, warehouse: warehouse, log: { console.info($0, event: "JinjaLogInfo") })
            let manifest = try ManifestBuilder(session: session).build()
            for w in manifest.warnings where !project.warnings.map(\.description).contains(w) { console.warn(w) }
            return (session, manifest)
        } catch let e as CompileError {
            console.error("Compilation Error\n  \(e.description.replacingOccurrences(of: "\n", with: "\n  "))")
            throw ExitCode(2)
        } catch let e as JinjaErrorConvertible {
            console.error(e.description)
            throw ExitCode(2)
        }
    }

    /// The ids `-s/--exclude/--selector` pick, limited to `types`.
    func select(_ selection: SelectionOptions, in manifest: Manifest, types: Set<ResourceType>) throws -> [String] {
        let selector = manifest.selector(rootProject: project.root.name, selectors: project.selectors)
        do {
            let chosen = try selector.select(select: selection.select, exclude: selection.exclude, selector: selection.selector)
            let allowed = Set(manifest.nodes.filter { types.contains($0.resourceType) }.map(\.uniqueID))
                .union(types.contains(.source) ? Set(manifest.sources.map(\.uniqueID)) : [])
                .union(types.contains(.exposure) ? Set(manifest.exposures.map(\.uniqueID)) : [])
            let ordered = (try? manifest.graph.topologicalOrder()) ?? manifest.nodes.map(\.uniqueID)
            return ordered.filter { chosen.contains($0) && allowed.contains($0) }
        } catch {
            console.error(error.description)
            throw ExitCode(2)
        }
    }
}

/// Errors with a description (the Jinja and graph errors).
typealias JinjaErrorConvertible = Error & CustomStringConvertible
