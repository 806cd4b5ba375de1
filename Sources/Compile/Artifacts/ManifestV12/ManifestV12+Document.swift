import Dispatch
import Project

extension ManifestV12 {
    /// The whole `manifest.json`: metadata, every resource by unique id, and the graph maps.
    ///
    /// `metrics`, `groups`, `group_map`, `saved_queries`, `semantic_models`, `unit_tests` and
    /// `functions` are written empty: ingot parses none of those resources yet.
    struct Document: ManifestV12Writable {
        var metadata: Metadata
        /// The nodes in order, mapped and written in parallel chunks.
        var nodes: NodeList
        var sources: [Source]
        var macros: [Macro]
        var docs: [Doc]
        var exposures: [Exposure]
        /// Disabled nodes, grouped by unique id (dbt keeps a list per id).
        var disabled: [(String, [Node])]
        var parentMap: [(String, [String])]
        var childMap: [(String, [String])]
        /// `selectors.yml`, by name.
        var selectors: ConfigMap

        func write(to w: inout JSONWriter) {
            w.objectStart()
            w.key("metadata"); metadata.write(to: &w)
            w.key("nodes")
            Document.writeNodes(nodes, to: &w)
            w.key("sources")
            w.objectStart()
            for s in sources { w.key(s.uniqueID); s.write(to: &w) }
            w.objectEnd()
            w.key("macros")
            w.objectStart()
            for m in macros { w.key(m.uniqueID); m.write(to: &w) }
            w.objectEnd()
            w.key("docs")
            w.objectStart()
            for d in docs { w.key(d.uniqueID); d.write(to: &w) }
            w.objectEnd()
            w.key("exposures")
            w.objectStart()
            for e in exposures { w.key(e.uniqueID); e.write(to: &w) }
            w.objectEnd()
            w.key("metrics"); w.emptyObject()
            w.key("groups"); w.emptyObject()
            w.key("selectors"); w.map(selectors)
            w.key("disabled")
            w.objectStart()
            for (id, list) in disabled {
                w.key(id)
                w.arrayStart()
                for n in list { n.write(to: &w) }
                w.arrayEnd()
            }
            w.objectEnd()
            w.key("parent_map"); Document.writeMap(parentMap, to: &w)
            w.key("child_map"); Document.writeMap(childMap, to: &w)
            w.key("group_map"); w.emptyObject()
            w.key("saved_queries"); w.emptyObject()
            w.key("semantic_models"); w.emptyObject()
            w.key("unit_tests"); w.emptyObject()
            w.key("functions"); w.emptyObject()
            w.objectEnd()
        }

        /// `nodes`: chunks of 512 are mapped and written on several threads, then joined.
        private static func writeNodes(_ nodes: NodeList, to w: inout JSONWriter) {
            w.objectStart()
            let chunkSize = 512
            let chunks = (nodes.count + chunkSize - 1) / chunkSize
            if chunks <= 1 {
                for i in 0..<nodes.count {
                    let node = nodes.node(at: i)
                    w.key(node.uniqueID)
                    node.write(to: &w)
                }
            } else {
                let parts = ConcurrentResults<JSONWriter>(count: chunks)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    var part = JSONWriter(capacity: chunkSize * 3_000)
                    for i in (c * chunkSize)..<min(nodes.count, (c + 1) * chunkSize) {
                        let node = nodes.node(at: i)
                        part.key(node.uniqueID)
                        node.write(to: &part)
                    }
                    parts[c] = part
                }
                let all = parts.values
                w.reserve(all.reduce(0) { $0 + ($1?.count ?? 0) } + 1_000_000)
                for part in all { if let part { w.raw(part) } }
            }
            w.objectEnd()
        }

        private static func writeMap(_ map: [(String, [String])], to w: inout JSONWriter) {
            w.objectStart()
            map.withUnsafeBufferPointer { entries in
                for i in entries.indices { w.key(entries[i].0); w.strings(entries[i].1) }
            }
            w.objectEnd()
        }
    }
}
