extension ManifestV12 {
    /// One `ref()` a node makes (`{name, package, version}`).
    struct Ref: ManifestV12Writable, Sendable {
        var name: String
        var package: String?
        var version: String?

        func write(to w: inout JSONWriter) {
            w.objectStart()
            w.key("name"); w.string(name)
            w.key("package"); w.string(package)
            w.key("version"); w.string(version)
            w.objectEnd()
        }
    }

    /// Writes `refs`, `sources` and `metrics` as dbt does for nodes and exposures.
    static func writeReferences(refs: [Ref], sources: [[String]], to w: inout JSONWriter) {
        w.key("refs")
        w.arrayStart()
        for r in refs { r.write(to: &w) }
        w.arrayEnd()
        w.key("sources")
        w.arrayStart()
        for s in sources { w.strings(s) }
        w.arrayEnd()
        w.key("metrics"); w.emptyArray()
    }

    /// Writes `depends_on` (`macros`, and `nodes` unless nil).
    static func writeDependsOn(macros: [String], nodes: [String]?, to w: inout JSONWriter) {
        w.key("depends_on")
        w.objectStart()
        w.key("macros"); w.strings(macros)
        if let nodes { w.key("nodes"); w.strings(nodes) }
        w.objectEnd()
    }
}
