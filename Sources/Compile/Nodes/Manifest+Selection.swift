import Graph
import Project

/// The facts the selector reads from a manifest node, source or exposure.
struct SelectableFacts: SelectableNode {
    var uniqueID: String
    var name: String
    var resourceType: ResourceType
    var packageName: String
    var fqn: [String]
    var originalFilePath: String
    var patchPath: String?
    var tags: [String]
    var config: ConfigMap
    var sourceName: String?
    var testKind: TestKind?
    var dependsOn: [String]
}

extension Manifest {
    /// Every enabled node, source and exposure, as the selector sees them.
    public var selectableNodes: [any SelectableNode] {
        var out: [any SelectableNode] = []
        out.reserveCapacity(nodes.count + sources.count + exposures.count)
        for n in nodes {
            var kind: TestKind?
            if n.resourceType == .test { kind = n.testMetadata.map { .generic(testName: $0.name) } ?? .singular }
            out.append(SelectableFacts(uniqueID: n.uniqueID, name: n.name, resourceType: n.resourceType,
                                       packageName: n.packageName, fqn: n.fqn, originalFilePath: n.originalFilePath,
                                       patchPath: n.patchPath, tags: n.tags, config: n.config.values, sourceName: nil,
                                       testKind: kind, dependsOn: n.dependsOnNodes))
        }
        for s in sources {
            out.append(SelectableFacts(uniqueID: s.uniqueID, name: s.name, resourceType: .source, packageName: s.packageName,
                                       fqn: s.fqn, originalFilePath: s.originalFilePath, patchPath: nil, tags: s.tags,
                                       config: s.config, sourceName: s.sourceName, testKind: nil, dependsOn: []))
        }
        for e in exposures {
            out.append(SelectableFacts(uniqueID: e.uniqueID, name: e.name, resourceType: .exposure, packageName: e.packageName,
                                       fqn: e.fqn, originalFilePath: e.originalFilePath, patchPath: nil, tags: e.properties.tags,
                                       config: e.properties.config, sourceName: nil, testKind: nil, dependsOn: e.dependsOnNodes))
        }
        return out
    }

    /// A selector over this manifest.
    public func selector(rootProject: String, selectors: [NamedSelector]) -> NodeSelector {
        NodeSelector(nodes: selectableNodes, rootProject: rootProject, selectors: selectors)
    }
}
