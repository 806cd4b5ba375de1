import Project

/// Evaluates selection expressions over a set of nodes, as dbt's `NodeSelector` does, including
/// indirect selection of tests.
///
/// ```swift
/// let selector = NodeSelector(nodes: manifestNodes, rootProject: "jaffle_shop", selectors: project.selectors)
/// let ids = try selector.select(select: ["+orders", "tag:nightly"], exclude: ["stg_legacy"])
/// ```
public struct NodeSelector: Sendable {
    let nodes: [any SelectableNode]
    let byID: [String: Int]
    /// The DAG over the nodes.
    public let graph: DependencyGraph
    let rootProject: String
    let selectors: [NamedSelector]
    /// The mode used when neither the term nor the caller says otherwise.
    public var defaultIndirectSelection: IndirectSelection = .eager
    /// Test nodes by the ids of the nodes they depend on, for indirect selection.
    let testsByParent: [String: [Int]]

    /// Indexes the nodes.
    public init(nodes: [any SelectableNode], rootProject: String, selectors: [NamedSelector] = []) {
        self.nodes = nodes
        var byID: [String: Int] = [:]
        var tests: [String: [Int]] = [:]
        for (i, n) in nodes.enumerated() {
            byID[n.uniqueID] = i
            if n.resourceType == .test || n.resourceType == .unitTest {
                for p in Set(n.dependsOn) { tests[p, default: []].append(i) }
            }
        }
        self.byID = byID
        testsByParent = tests
        graph = DependencyGraph(nodes.map { ($0.uniqueID, $0.dependsOn) })
        self.rootProject = rootProject
        self.selectors = selectors
    }

    /// Selects with CLI arguments: `--select`, `--exclude`, `--selector`.
    ///
    /// With neither `select` nor `selector`, the `default: true` selector applies if there is one,
    /// else every node (the caller narrows by resource type and enabled state).
    public func select(
        select: [String] = [], exclude: [String] = [], selector: String? = nil, indirect: IndirectSelection? = nil
    ) throws(GraphError) -> Set<String> {
        var base: SelectionExpression
        if let selector {
            guard let named = selectors.first(where: { $0.name == selector }) else {
                throw GraphError(.unknownSelector, "Could not find selector named \(selector), expected one of: \(selectors.map(\.name).joined(separator: ", "))")
            }
            base = try SelectionParser.expression(for: named.definition, selectors: selectors)
            if !select.isEmpty { base = .intersection([base, try SelectionParser.parseUnion(select)]) }
        } else if !select.isEmpty {
            base = try SelectionParser.parseUnion(select)
        } else if let named = selectors.first(where: \.isDefault) {
            base = try SelectionParser.expression(for: named.definition, selectors: selectors)
        } else {
            base = .criteria(SelectionCriteria(method: .fqn, value: "*"))
        }
        let expr: SelectionExpression = exclude.isEmpty ? base : .difference(base, try SelectionParser.parseUnion(exclude))
        return try self.select(expr, indirect: indirect)
    }

    /// Evaluates an expression.
    public func select(_ expr: SelectionExpression, indirect: IndirectSelection? = nil) throws(GraphError) -> Set<String> {
        let mode = indirect ?? defaultIndirectSelection
        return Set(try evaluate(expr, mode).direct.map { nodes[$0].uniqueID })
    }

    /// Every node of the given resource types whose config is enabled: dbt's selection when no
    /// `--select` is given.
    public func defaultSelection(resourceTypes: Set<ResourceType>) -> Set<String> {
        Set(nodes.filter { resourceTypes.contains($0.resourceType) && ($0.config["enabled"]?.boolValue ?? true) }.map(\.uniqueID))
    }

    // MARK: - Evaluation (dbt's select_nodes_recursively)

    struct Bundle {
        var direct: Set<Int>
        var indirect: Set<Int>
    }

    func evaluate(_ expr: SelectionExpression, _ mode: IndirectSelection) throws(GraphError) -> Bundle {
        switch expr {
        case .criteria(let c):
            return try evaluate(c, c.indirectSelection ?? mode)
        case .union(let items, let own):
            return try combine(items, own ?? mode) { sets in sets.reduce(into: Set<Int>()) { $0.formUnion($1) } }
        case .intersection(let items, let own):
            return try combine(items, own ?? mode) { sets in
                guard var first = sets.first else { return [] }
                for s in sets.dropFirst() { first.formIntersection(s) }
                return first
            }
        case .difference(let a, let b, let own):
            return try combine([a, b], own ?? mode) { sets in sets[0].subtracting(sets[1]) }
        }
    }

    private func combine(
        _ items: [SelectionExpression], _ mode: IndirectSelection, _ op: ([Set<Int>]) -> Set<Int>
    ) throws(GraphError) -> Bundle {
        var directs: [Set<Int>] = []
        var indirects: [Set<Int>] = []
        for item in items {
            let b = try evaluate(item, mode)
            directs.append(b.direct)
            indirects.append(b.direct.union(b.indirect))
        }
        let initial = op(directs)
        let indirect = op(indirects)
        return Bundle(direct: incorporate(initial, indirect, mode), indirect: indirect)
    }

    private func evaluate(_ c: SelectionCriteria, _ mode: IndirectSelection) throws(GraphError) -> Bundle {
        if c.method == .selector {
            guard let named = selectors.first(where: { $0.name == c.value }) else {
                throw GraphError(.unknownSelector, "Could not find selector named '\(c.value)'")
            }
            return try evaluate(try SelectionParser.expression(for: named.definition, selectors: selectors), mode)
        }
        var selected = try search(c)
        let ids = Set(selected.map { nodes[$0].uniqueID })
        var neighbours = Set<String>()
        if c.parents { neighbours.formUnion(graph.ancestors(of: ids, depth: c.parentsDepth)) }
        if c.children { neighbours.formUnion(graph.descendants(of: ids, depth: c.childrenDepth)) }
        if c.childrensParents {
            let down = ids.union(graph.descendants(of: ids))
            neighbours.formUnion(down)
            neighbours.formUnion(graph.ancestors(of: down))
        }
        for id in neighbours { if let i = byID[id] { selected.insert(i) } }
        if mode == .empty { return Bundle(direct: selected, indirect: []) }
        return expand(selected, mode)
    }

    /// dbt's `expand_selection`: tests that are direct children of the selection.
    private func expand(_ selected: Set<Int>, _ mode: IndirectSelection) -> Bundle {
        var direct = selected
        var indirect = Set<Int>()
        let selectedIDs = Set(selected.map { nodes[$0].uniqueID })
        var buildable: Set<String> = []
        if mode == .buildable {
            buildable = selectedIDs.union(graph.ancestors(of: selectedIDs))
            for n in nodes where n.resourceType == .source { buildable.insert(n.uniqueID) }
        }
        for id in selectedIDs {
            for t in testsByParent[id] ?? [] where !direct.contains(t) {
                let deps = nodes[t].dependsOn
                if mode == .eager || deps.allSatisfy(selectedIDs.contains) {
                    direct.insert(t)
                } else if mode == .buildable, deps.allSatisfy(buildable.contains) {
                    direct.insert(t)
                } else {
                    indirect.insert(t)
                }
            }
        }
        return Bundle(direct: direct, indirect: indirect)
    }

    /// dbt's `incorporate_indirect_nodes`: held-back tests whose parents are now all selected.
    private func incorporate(_ direct: Set<Int>, _ indirect: Set<Int>, _ mode: IndirectSelection) -> Set<Int> {
        if direct == indirect { return direct }
        var selected = direct
        let ids = Set(direct.map { nodes[$0].uniqueID })
        switch mode {
        case .cautious:
            for t in indirect where nodes[t].dependsOn.allSatisfy(ids.contains) { selected.insert(t) }
        case .buildable:
            let withParents = ids.union(graph.ancestors(of: ids))
            for t in indirect where nodes[t].dependsOn.allSatisfy(withParents.contains) { selected.insert(t) }
        default:
            break
        }
        return selected
    }

    // MARK: - Methods

    func search(_ c: SelectionCriteria) throws(GraphError) -> Set<Int> {
        let pattern = FNMatch(c.value)
        var out = Set<Int>()
        func add(where predicate: (any SelectableNode) -> Bool) {
            for (i, n) in nodes.enumerated() where predicate(n) { out.insert(i) }
        }
        switch c.method {
        case .fqn:
            if c.value == "*" { return Set(nodes.indices) }
            add { Self.fqnMatches(c.value, fqn: $0.fqn) }
        case .tag:
            add { $0.tags.contains(where: pattern.matches) }
        case .path:
            let glob = PathGlob(c.value)
            add { n in glob.matches(n.originalFilePath) || n.patchPath.map(glob.matchesExactly) == true }
        case .file:
            add { n in
                let fileName = n.originalFilePath.split(separator: "/").last.map(String.init) ?? n.originalFilePath
                let stem = fileName.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
                return pattern.matches(fileName) || pattern.matches(stem)
            }
        case .config(let keys):
            add { n in Self.configMatches(n.config, keys, c.value) }
        case .source:
            let parts = c.value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let (pkg, src, table): (String, String, String)
            switch parts.count {
            case 1: (pkg, src, table) = ("*", parts[0], "*")
            case 2: (pkg, src, table) = ("*", parts[0], parts[1])
            case 3: (pkg, src, table) = (parts[0], parts[1], parts[2])
            default:
                throw GraphError(.invalidSelector, "Invalid source selector value '\(c.value)'. Sources must be of the form `${source_name}`, `${source_name}.${target_name}`, or `${package_name}.${source_name}.${target_name}`")
            }
            let (p, s, t) = (FNMatch(pkg), FNMatch(src), FNMatch(table))
            add { n in n.resourceType == .source && p.matches(n.packageName) && s.matches(n.sourceName ?? "") && t.matches(n.name) }
        case .exposure:
            let parts = c.value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2 else {
                throw GraphError(.invalidSelector, "Invalid exposure selector value '\(c.value)'. Exposures must be of the form `${exposure_name}` or `${exposure_package.exposure_name}`")
            }
            let p = FNMatch(parts.count == 2 ? parts[0] : "*")
            let e = FNMatch(parts.last!)
            add { n in n.resourceType == .exposure && p.matches(n.packageName) && e.matches(n.name) }
        case .resourceType:
            guard let type = ResourceType(rawValue: c.value) else {
                throw GraphError(.invalidSelector, "Invalid resource_type selector \"\(c.value)\"")
            }
            add { $0.resourceType == type }
        case .package:
            let p = FNMatch(c.value == "this" ? rootProject : c.value)
            add { p.matches($0.packageName) }
        case .testType:
            let accepted: (TestKind) -> Bool
            switch c.value {
            case "generic", "schema": accepted = { if case .generic = $0 { return true }; return false }
            case "data": accepted = { if case .unit = $0 { return false }; return true }
            case "singular": accepted = { $0 == .singular }
            case "unit": accepted = { $0 == .unit }
            default:
                throw GraphError(.invalidSelector, "Invalid test type selector \(c.value): expected \"generic\", \"singular\", \"unit\", or \"data\"")
            }
            add { n in n.testKind.map(accepted) ?? false }
        case .testName:
            add { n in
                switch n.testKind {
                case .generic(let name)?: return pattern.matches(name)
                case .unit?: return pattern.matches(n.name)
                default: return false
                }
            }
        case .group:
            add { n in n.config["group"]?.stringValue.map(pattern.matches) ?? false }
        case .access:
            add { n in n.resourceType == .model && n.config["access"]?.stringValue == c.value }
        case .selector:
            break
        }
        return out
    }

    /// dbt's `is_selected_node` tried on the full fqn and on the fqn without its package: the
    /// leaf name, or a dotted prefix of the fqn, with wildcards matching the rest.
    static func fqnMatches(_ selector: String, fqn: [String]) -> Bool {
        matches(selector, fqn[...]) || (fqn.count > 1 && matches(selector, fqn.dropFirst()))
    }

    private static func matches(_ selector: String, _ fqn: ArraySlice<String>) -> Bool {
        if fqn.last == selector { return true }
        let flat = fqn.flatMap { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
        let parts = selector.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if flat.count < parts.count { return false }
        for (i, part) in parts.enumerated() {
            if FNMatch.hasWildcard(part) {
                let rest = flat[i...].joined(separator: ".")
                if FNMatch(parts[i...].joined(separator: ".")).matches(rest) { return true }
                // dbt-core 1.11: a bare wildcard (no dot) also matches the leaf alone, so
                // `-s "stg_?"` selects `proj.staging.stg_a` (checked with `dbt ls`).
                return parts.count == 1 && FNMatch(selector).matches(fqn.last ?? "")
            }
            if flat[i] != part { return false }
        }
        return true
    }

    /// dbt's config method: descend into the config by key path; lists match when they contain
    /// the value; `true`/`false` match booleans case-insensitively.
    static func configMatches(_ config: ConfigMap, _ keys: [String], _ selector: String) -> Bool {
        var value: ConfigValue = .map(config)
        for k in keys {
            guard case .map(let m) = value, let next = m[k] else { return false }
            value = next
        }
        func scalar(_ v: ConfigValue) -> Bool {
            switch v {
            case .string(let s): return keys == ["severity"] ? s.uppercased() == selector.uppercased() : s == selector
            case .bool(let b): return selector.lowercased() == (b ? "true" : "false")
            default: return false
            }
        }
        if case .list(let items) = value { return items.contains(where: scalar) }
        return scalar(value)
    }
}
