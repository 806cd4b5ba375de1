import ArgumentParser
import Compile
import Foundation
import Project

/// `ingot ls`: lists the selected resources.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ls", abstract: "List resources.", aliases: ["list"])

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions

    @Option(name: .customLong("resource-type"), parsing: .upToNextOption, help: "Only these resource types (model, seed, snapshot, test, source, exposure, analysis, all, default).")
    var resourceTypes: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "name, path, json or selector.")
    var output: ListOutput = .selector

    @Option(name: .customLong("output-keys"), parsing: .upToNextOption, help: "With --output json, only these keys.")
    var outputKeys: [String] = []

    func run() throws {
        let workspace = try Workspace(global)
        let (_, manifest) = try workspace.parse()
        let types = try resolvedTypes()
        let ids = try workspace.select(selection, in: manifest, types: types)
        let lines = ids.sorted().compactMap { id -> String? in
            if let node = manifest.node(id) { return format(node: node) }
            if let source = manifest.source(id) { return format(source: source) }
            if let exposure = manifest.exposures.first(where: { $0.uniqueID == id }) { return format(exposure: exposure) }
            return nil
        }
        for line in lines { workspace.console.result(line) }
    }

    private func resolvedTypes() throws -> Set<ResourceType> {
        let defaults: Set<ResourceType> = [.model, .seed, .snapshot, .test, .source, .exposure, .analysis]
        if resourceTypes.isEmpty || resourceTypes.contains("default") || resourceTypes.contains("all") { return defaults }
        var out = Set<ResourceType>()
        for t in resourceTypes {
            guard let type = ResourceType(rawValue: t) else {
                throw ValidationError("unknown resource type '\(t)'; expected one of: \(defaults.map(\.rawValue).sorted().joined(separator: ", "))")
            }
            out.insert(type)
        }
        return out
    }

    private func format(node: ManifestNode) -> String {
        switch output {
        case .name: return node.name
        case .path: return node.originalFilePath
        case .selector: return node.fqn.joined(separator: ".")
        case .json:
            return json([
                "name": .string(node.name), "resource_type": .string(node.resourceType.rawValue),
                "package_name": .string(node.packageName), "original_file_path": .string(node.originalFilePath),
                "unique_id": .string(node.uniqueID), "alias": .string(node.alias),
                "config": .map(node.config.values),
                "tags": .list(node.tags.map { .string($0) }),
                "depends_on": .map(["nodes": .list(node.dependsOnNodes.map { .string($0) }),
                                    "macros": .list(node.dependsOnMacros.map { .string($0) })]),
            ])
        }
    }

    private func format(source: SourceNode) -> String {
        switch output {
        case .name: return "\(source.sourceName).\(source.name)"
        case .path: return source.originalFilePath
        case .selector: return "source:\(source.fqn.joined(separator: "."))"
        case .json:
            return json([
                "name": .string(source.name), "source_name": .string(source.sourceName),
                "resource_type": "source", "package_name": .string(source.packageName),
                "original_file_path": .string(source.originalFilePath), "unique_id": .string(source.uniqueID),
                "config": .map(source.config), "tags": .list(source.tags.map { .string($0) }),
            ])
        }
    }

    private func format(exposure: ExposureNode) -> String {
        switch output {
        case .name: return exposure.name
        case .path: return exposure.originalFilePath
        case .selector: return "exposure:\(exposure.fqn.joined(separator: "."))"
        case .json:
            return json(["name": .string(exposure.name), "resource_type": "exposure", "package_name": .string(exposure.packageName),
                         "original_file_path": .string(exposure.originalFilePath), "unique_id": .string(exposure.uniqueID)])
        }
    }

    private func json(_ all: ConfigMap) -> String {
        var fields = all
        if !outputKeys.isEmpty { fields = ConfigMap(all.entries.filter { outputKeys.contains($0.key) }.map { ($0.key, $0.value) }) }
        return (try? ValueBridge.value(fields).jsonString()) ?? "{}"
    }
}

/// `ls --output`.
enum ListOutput: String, ExpressibleByArgument {
    case name, path, json, selector
}
