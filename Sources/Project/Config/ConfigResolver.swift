import Foundation

/// Resolves node configs exactly as dbt does, lowest precedence first:
///
/// 1. dbt's defaults for the resource type;
/// 2. the node's own project's `dbt_project.yml` tree, level by level (`+key` at any level,
///    plain keys with non-mapping values; a mapping without `+` is a folder);
/// 3. properties YAML `config:`;
/// 4. the in-file `config()` calls, in call order;
/// 5. for a package's node, the root project's tree last, so a root project overrides even a
///    package's in-file config (verified with dbt-core 1.11: a root `+materialized: incremental`
///    beat a package model's `config(materialized='ephemeral')`).
///
/// The project layers are computed once per folder and cached; resolving is thread-safe.
public final class ConfigResolver: @unchecked Sendable {
    private let projects: [String: ProjectDefinition]
    /// The root project's name.
    public let rootProjectName: String
    private let lock = NSLock()
    private var cache: [String: FolderLayers] = [:]

    private struct FolderLayers {
        var ownMerged: ConfigMap
        var ownFolder: YAMLNode?
        var rootLayers: [ConfigMap]
        var rootFolder: YAMLNode?
    }

    /// Creates a resolver over the root project and its packages' definitions.
    public init(root: ProjectDefinition, packages: [ProjectDefinition]) {
        var all: [String: ProjectDefinition] = [:]
        for p in packages { all[p.name] = p }
        all[root.name] = root
        projects = all
        rootProjectName = root.name
    }

    /// Resolves the config of a node.
    ///
    /// - Parameters:
    ///   - type: the resource type (analyses read `models:`; tests read `data_tests:`/`tests:`).
    ///   - package: the node's package.
    ///   - fqn: the node's fqn (`[package, folders…, name]`).
    ///   - properties: the `config:` of the node's properties YAML entry.
    ///   - inFile: the `config()` calls captured while parsing the node's file, in order.
    public func resolve(
        _ type: ResourceType, package: String, fqn: [String], properties: ConfigMap? = nil, inFile: [ConfigMap] = []
    ) -> ResolvedConfig {
        let folder = layers(type, package: package, fqn: fqn)
        var result = folder.ownMerged
        if let name = fqn.last, let leaf = folder.ownFolder?[name], leaf.mapping != nil {
            ConfigMerger.merge(&result, Self.levelConfig(leaf))
        }
        if let properties { ConfigMerger.merge(&result, properties) }
        for call in inFile { ConfigMerger.merge(&result, call) }
        if package != rootProjectName {
            for layer in folder.rootLayers { ConfigMerger.merge(&result, layer) }
            if let name = fqn.last, let leaf = folder.rootFolder?[name], leaf.mapping != nil {
                ConfigMerger.merge(&result, Self.levelConfig(leaf))
            }
        }
        return ResolvedConfig(values: result)
    }

    /// The project-level config alone (defaults and `dbt_project.yml` trees), for resources that
    /// have no file, such as sources.
    public func projectConfig(_ type: ResourceType, package: String, fqn: [String]) -> ResolvedConfig {
        resolve(type, package: package, fqn: fqn)
    }

    private func layers(_ type: ResourceType, package: String, fqn: [String]) -> FolderLayers {
        let folderPath = fqn.dropLast()
        let key = "\(type.rawValue)|\(package)|\(folderPath.joined(separator: "/"))"
        lock.lock()
        if let hit = cache[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let configKey = type.projectConfigKey
        var own = ConfigDefaults.values(for: type)
        let ownTree = projects[package]?.configTrees[configKey]
        let (ownLevels, ownFolder) = Self.search(ownTree, Array(folderPath))
        for level in ownLevels { ConfigMerger.merge(&own, level) }
        var rootLayers: [ConfigMap] = []
        var rootFolder: YAMLNode?
        if package != rootProjectName {
            (rootLayers, rootFolder) = Self.search(projects[rootProjectName]?.configTrees[configKey], Array(folderPath))
        }
        let value = FolderLayers(ownMerged: own, ownFolder: ownFolder, rootLayers: rootLayers, rootFolder: rootFolder)
        lock.lock()
        cache[key] = value
        lock.unlock()
        return value
    }

    /// dbt's `fqn_search`: the configs of the tree's root and of each nested level named by the
    /// path, stopping at the first part that is not a mapping; also returns the deepest level.
    private static func search(_ tree: YAMLNode?, _ path: [String]) -> ([ConfigMap], YAMLNode?) {
        guard let tree, tree.mapping != nil else { return ([], nil) }
        var out = [levelConfig(tree)]
        var current = tree
        for part in path {
            guard let next = current[part], next.mapping != nil else { return (out, nil) }
            out.append(levelConfig(next))
            current = next
        }
        return (out, current)
    }

    /// The configs written at one level: `+key` entries, and plain keys whose value is not a mapping.
    static func levelConfig(_ level: YAMLNode) -> ConfigMap {
        var out = ConfigMap()
        for e in level.mapping ?? [] {
            if e.key.hasPrefix("+") {
                out[String(e.key.dropFirst()).trimmingCharacters(in: .whitespaces)] = e.value.configValue
            } else if e.value.mapping == nil {
                out[e.key] = e.value.configValue
            }
        }
        return out
    }
}
