import Graph
import Project

/// The parsed project: every node, source, exposure and macro, and the graph between them.
public struct Manifest: Sendable {
    /// Enabled nodes in a stable order (by unique id).
    public var nodes: [ManifestNode]
    /// Nodes switched off with `enabled: false`.
    public var disabled: [ManifestNode]
    public var sources: [SourceNode]
    public var exposures: [ExposureNode]
    public var macros: [MacroLibrary.MacroEntry]
    public var docs: [DocsBlock]
    /// Edges from each node, source and exposure to what it depends on.
    public var graph: DependencyGraph
    /// Non-fatal findings (properties for missing models, deprecated spellings, …).
    public var warnings: [String]
    private var nodeIndex: [String: Int]
    private var sourceIndex: [String: Int]

    init(nodes: [ManifestNode], disabled: [ManifestNode], sources: [SourceNode], exposures: [ExposureNode],
         macros: [MacroLibrary.MacroEntry], docs: [DocsBlock], graph: DependencyGraph, warnings: [String]) {
        self.nodes = nodes
        self.disabled = disabled
        self.sources = sources
        self.exposures = exposures
        self.macros = macros
        self.docs = docs
        self.graph = graph
        self.warnings = warnings
        var index: [String: Int] = [:]
        for (i, n) in nodes.enumerated() { index[n.uniqueID] = i }
        nodeIndex = index
        var sIndex: [String: Int] = [:]
        for (i, s) in sources.enumerated() { sIndex[s.uniqueID] = i }
        sourceIndex = sIndex
    }

    /// The node with this unique id.
    public func node(_ id: String) -> ManifestNode? {
        nodeIndex[id].map { nodes[$0] }
    }

    /// The source with this unique id.
    public func source(_ id: String) -> SourceNode? {
        sourceIndex[id].map { sources[$0] }
    }

    /// Replaces a node (after compiling it, say).
    public mutating func update(_ node: ManifestNode) {
        if let i = nodeIndex[node.uniqueID] { nodes[i] = node }
    }
}
