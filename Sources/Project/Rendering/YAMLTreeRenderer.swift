/// Walks a YAML tree and renders the string values that contain Jinja, skipping the key paths
/// dbt renders later (hooks, descriptions, tests, vars).
package struct YAMLTreeRenderer: Sendable {
    let renderer: any YAMLValueRenderer
    let context: YAMLRenderContext

    package init(renderer: any YAMLValueRenderer, context: YAMLRenderContext) {
        self.renderer = renderer
        self.context = context
    }

    /// Renders `node`; `skip` receives the key path (mapping keys only, list positions are left
    /// out) and returns true for subtrees that must stay as written.
    package func render(_ node: YAMLNode, skip: (ArraySlice<String>) -> Bool) throws(ProjectError) -> YAMLNode {
        var path: [String] = []
        return try walk(node, &path, skip)
    }

    private func walk(_ node: YAMLNode, _ path: inout [String], _ skip: (ArraySlice<String>) -> Bool)
        throws(ProjectError) -> YAMLNode
    {
        switch node.value {
        case .string(let s):
            guard s.contains("{{") || s.contains("{%") else { return node }
            let value = try renderer.render(s, at: node.location, context: context)
            return YAMLNode(Self.node(from: value), location: node.location)
        case .sequence(let items):
            var out: [YAMLNode] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try walk(item, &path, skip)) }
            return YAMLNode(.sequence(out), location: node.location)
        case .mapping(let entries):
            var out: [YAMLEntry] = []
            out.reserveCapacity(entries.count)
            for var e in entries {
                path.append(e.key)
                if !skip(path[...]) { e.value = try walk(e.value, &path, skip) }
                path.removeLast()
                out.append(e)
            }
            return YAMLNode(.mapping(out), location: node.location)
        default:
            return node
        }
    }

    private static func node(from value: ConfigValue) -> YAMLNode.Value {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list, .map: return .string(value.scalarText ?? "\(value)")
        }
    }

    /// The key paths dbt leaves unrendered in `dbt_project.yml`: run hooks, `query-comment`, the
    /// `vars` block (rendered when `var()` is called) and model-level hooks.
    package static func skipInProjectFile(_ path: ArraySlice<String>) -> Bool {
        guard let first = path.first else { return false }
        if first == "on-run-start" || first == "on-run-end" || first == "query-comment" || first == "vars" {
            return true
        }
        if ["models", "seeds", "snapshots", "tests", "data_tests", "unit_tests"].contains(first) {
            let last = path.last!.hasPrefix("+") ? String(path.last!.dropFirst()) : path.last!
            return ["pre-hook", "post-hook", "pre_hook", "post_hook"].contains(last)
        }
        return false
    }

    /// The key paths dbt leaves unrendered in properties files: descriptions and tests (rendered
    /// when docs and tests are built) and hooks.
    package static func skipInPropertiesFile(_ path: ArraySlice<String>) -> Bool {
        guard let last = path.last else { return false }
        return ["description", "tests", "data_tests", "pre-hook", "post-hook", "pre_hook", "post_hook"].contains(last)
    }
}
