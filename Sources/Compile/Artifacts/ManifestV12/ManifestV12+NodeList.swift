extension ManifestV12 {
    /// The `nodes` of a document, mapped from the parsed nodes when they are written: each
    /// thread maps and writes its own chunk, so the whole list of output nodes never exists at
    /// once.
    struct NodeList: Sendable {
        let source: [ManifestNode]
        let mapper: NodeMapper

        var count: Int { source.count }

        /// The output node at `index`.
        func node(at index: Int) -> Node {
            source.withUnsafeBufferPointer { mapper.node($0[index]) }
        }
    }
}
