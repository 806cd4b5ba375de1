import Project

/// Properties YAML entries by (resource type, package, name), to attach to nodes.
struct PropertiesIndex {
    struct Entry {
        var properties: ResourceProperties
        /// The YAML file, relative to its package root.
        var file: String
    }

    private var entries: [String: Entry] = [:]

    init(_ files: [PropertiesFile]) {
        for f in files {
            for (list, type) in [(f.models, ResourceType.model), (f.seeds, .seed), (f.snapshots, .snapshot), (f.analyses, .analysis)] {
                for p in list { entries[Self.key(type, f.packageName, p.name)] = Entry(properties: p, file: f.originalFilePath) }
            }
        }
    }

    private static func key(_ type: ResourceType, _ package: String, _ name: String) -> String {
        "\(type.rawValue)\u{1}\(package)\u{1}\(name)"
    }

    func lookup(_ type: ResourceType, package: String, name: String) -> Entry? {
        entries[Self.key(type, package, name)]
    }

    /// Warnings for properties that describe nothing, as dbt prints them.
    func unmatched(nodes: [ManifestNode]) -> [String] {
        var present = Set<String>()
        for n in nodes { present.insert(Self.key(n.resourceType, n.packageName, n.name)) }
        return entries.filter { !present.contains($0.key) }.map { key, entry in
            let parts = key.split(separator: "\u{1}")
            return "\(entry.file): Did not find matching node for patch with name '\(parts[2])' in the '\(parts[0])s' section of file '\(entry.file)'"
        }.sorted()
    }
}
