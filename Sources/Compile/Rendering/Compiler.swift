import Dispatch
import Foundation
import Jinja
import Project

/// Compiles nodes: renders each with `execute = true`, resolving `ref()` and `source()` to
/// relation names, and injects the CTEs of the ephemeral models a node reads.
public final class Compiler: @unchecked Sendable {
    public let session: CompileSession
    public private(set) var manifest: Manifest
    private let refs: RefResolver
    private let lock = NSLock()
    private var ephemeralCache: [String: Rendered] = [:]
    private var templates: [String: Template] = [:]

    /// A node's SQL before CTE injection and the ephemeral models it reads, in dependency order.
    struct Rendered {
        var sql: String
        var ephemerals: [String]
    }

    public init(session: CompileSession, manifest: Manifest) {
        self.session = session
        self.manifest = manifest
        self.refs = RefResolver(nodes: manifest.nodes, disabled: manifest.disabled, sources: manifest.sources,
                                rootPackage: session.project.root.name)
    }

    /// Compiles the given nodes concurrently; returns them with `compiledCode` set, in the order given.
    public func compile(_ ids: [String]) throws -> [ManifestNode] {
        let results = ConcurrentResults<Result<ManifestNode, CompileError>>(count: ids.count)
        DispatchQueue.concurrentPerform(iterations: ids.count) { i in
            results[i] = Result { try self.compileNode(ids[i]) }.mapError { $0 as? CompileError ?? CompileError(.jinja, "\($0)") }
        }
        var out: [ManifestNode] = []
        for r in results.values {
            switch r {
            case .success(let n): out.append(n)
            case .failure(let e): throw e
            case nil: break
            }
        }
        lock.withLock { for n in out { manifest.update(n) } }
        return out
    }

    /// Compiles one node; `isIncremental` is what `is_incremental()` answers (the runner knows
    /// whether the model's table exists).
    public func compileNode(_ id: String, isIncremental: Bool = false) throws -> ManifestNode {
        guard var node = manifest.node(id) else { throw CompileError(.missingRef, "no node \(id)") }
        let rendered = try render(node, isIncremental: isIncremental)
        node.compiledCode = try inject(rendered.ephemerals, into: rendered.sql)
        return node
    }

    /// Compiles SQL that is not a file of the project (`ingot compile --inline`).
    public func compileInline(_ sql: String) throws -> String {
        let node = ManifestNode(
            uniqueID: "sql_operation.\(session.project.root.name).inline_query", resourceType: .model,
            packageName: session.project.root.name, name: "inline_query", fqn: [session.project.root.name, "inline_query"],
            originalFilePath: "inline_query", path: "inline_query", displayPath: "<inline>", rawCode: sql,
            language: "sql", checksum: FileChecksum(name: "none", checksum: ""),
            config: ResolvedConfig(values: ConfigMap()), schema: session.targetSchema, alias: "inline_query")
        let rendered = try render(node)
        return try inject(rendered.ephemerals, into: rendered.sql)
    }

    // MARK: - Rendering

    private func template(for node: ManifestNode) throws -> Template {
        // Keyed by text and name, not node: generic tests of one kind in one file share a template.
        let key = "\(node.displayPath)\u{0}\(node.rawCode)"
        if let t = lock.withLock({ templates[key] }) { return t }
        let t: Template
        do {
            if node.resourceType == .snapshot {
                t = try session.library.environment.template(node.rawCode, name: node.displayPath)
            } else {
                t = try session.library.environment.template(node.rawCode, name: node.displayPath)
            }
        } catch let e as JinjaError {
            throw CompileError(jinja: e, file: node.displayPath)
        }
        lock.withLock { templates[key] = t }
        return t
    }

    /// Renders SQL that belongs to no node (`on-run-start`/`on-run-end` hooks, operations) in the
    /// root project's context, as dbt's `operation.<project>.<name>` nodes.
    public func renderOperation(_ sql: String, name: String, displayPath: String) throws -> String {
        let project = session.project.root.name
        let node = ManifestNode(
            uniqueID: "operation.\(project).\(name)", resourceType: .operation, packageName: project, name: name,
            fqn: [project, "hooks", name], originalFilePath: "dbt_project.yml", path: "hooks/\(name).sql",
            displayPath: displayPath, rawCode: sql, language: "sql", checksum: FileChecksum(name: "none", checksum: ""),
            config: ResolvedConfig(values: ConfigMap()), schema: session.targetSchema, alias: name)
        return try render(node).sql
    }

    /// Renders a hook (`pre-hook`, `post-hook`) or other SQL in a node's compile context.
    public func renderSQL(_ sql: String, for node: ManifestNode, name: String) throws -> String {
        var probe = node
        probe.rawCode = sql
        probe.uniqueID = node.uniqueID + "#" + name
        probe.displayPath = "\(node.displayPath) (\(name))"
        return try render(probe).sql
    }

    func render(_ node: ManifestNode, isIncremental: Bool = false) throws -> Rendered {
        let tracking = EphemeralTracking()
        let resolution = CompileResolution(compiler: self, tracking: tracking, isIncremental: isIncremental)
        let subject = NodeContext.Subject(
            uniqueID: node.uniqueID, name: node.name, packageName: node.packageName,
            resourceType: node.resourceType.rawValue, originalFilePath: node.originalFilePath,
            relation: node.relation, config: node.config.values, modelValue: NodeValues.model(node),
            testKwargs: node.testMetadata?.kwargs)
        let context = NodeContext(session: session, subject: subject, mode: .compile(resolution))
        let scopes = context.makeScopes()
        defer { scopes.close() }
        let sql: String
        do {
            sql = try template(for: node).render(in: scopes.scope(for: node.packageName))
        } catch let e as JinjaError {
            throw CompileError(jinja: e, file: node.displayPath)
        }
        return Rendered(sql: sql, ephemerals: tracking.ordered)
    }

    /// The rendered SQL of an ephemeral model, memoized, with its own ephemeral inputs.
    func ephemeral(_ id: String) throws -> Rendered {
        if let hit = lock.withLock({ ephemeralCache[id] }) { return hit }
        guard let node = manifest.node(id) else { throw CompileError(.missingRef, "no node \(id)") }
        let rendered = try render(node)
        lock.withLock { ephemeralCache[id] = rendered }
        return rendered
    }

    func resolveRef(_ call: RefCall, from subject: NodeContext.Subject) throws -> ManifestNode {
        let probe = ManifestNode(uniqueID: subject.uniqueID, resourceType: .model, packageName: subject.packageName,
                                 name: subject.name, fqn: [], originalFilePath: subject.originalFilePath, path: "",
                                 displayPath: subject.originalFilePath, rawCode: "", language: "sql",
                                 checksum: FileChecksum(name: "none", checksum: ""),
                                 config: ResolvedConfig(values: ConfigMap()), schema: "", alias: "")
        let id = try refs.resolve(call, from: probe)
        guard let node = manifest.node(id) else { throw CompileError(.missingRef, "no node \(id)") }
        return node
    }

    func resolveSource(_ source: String, _ table: String, from subject: NodeContext.Subject) throws -> SourceNode {
        let probe = ManifestNode(uniqueID: subject.uniqueID, resourceType: .model, packageName: subject.packageName,
                                 name: subject.name, fqn: [], originalFilePath: subject.originalFilePath, path: "",
                                 displayPath: subject.originalFilePath, rawCode: "", language: "sql",
                                 checksum: FileChecksum(name: "none", checksum: ""),
                                 config: ResolvedConfig(values: ConfigMap()), schema: "", alias: "")
        let id = try refs.resolveSource(source, table, from: probe)
        return manifest.source(id)!
    }

    // MARK: - Ephemeral CTEs

    /// Prepends `__dbt__cte__<name> as (…)` for every ephemeral model read (deepest first), into
    /// the query's own `with` when it has one.
    func inject(_ ephemerals: [String], into sql: String) throws -> String {
        guard !ephemerals.isEmpty else { return sql }
        var ordered: [String] = []
        var seen = Set<String>()
        func visit(_ id: String, depth: Int) throws {
            guard depth < 100 else { throw CompileError(.cycle, "ephemeral models nest too deeply at \(id)") }
            guard !seen.contains(id) else { return }
            for inner in try ephemeral(id).ephemerals { try visit(inner, depth: depth + 1) }
            if seen.insert(id).inserted { ordered.append(id) }
        }
        for id in ephemerals { try visit(id, depth: 0) }
        let ctes = try ordered.map { id -> String in
            let name = manifest.node(id)?.name ?? id
            return "__dbt__cte__\(name) as (\n\(try ephemeral(id).sql)\n)"
        }.joined(separator: ", ")
        let trimmed = sql.drop(while: { $0.isWhitespace })
        if trimmed.prefix(4).lowercased() == "with", trimmed.dropFirst(4).first?.isWhitespace ?? false {
            let rest = trimmed.dropFirst(4)
            return "with \(ctes),\(rest)"
        }
        return "with \(ctes)\n\(sql)"
    }
}

/// The ephemeral models one render read, in first-read order.
final class EphemeralTracking: @unchecked Sendable {
    private(set) var ordered: [String] = []
    func record(_ id: String) {
        if !ordered.contains(id) { ordered.append(id) }
    }
}

/// How `ref()` and `source()` resolve in a compile render.
final class CompileResolution: @unchecked Sendable {
    unowned let compiler: Compiler
    let tracking: EphemeralTracking
    let incremental: Bool

    init(compiler: Compiler, tracking: EphemeralTracking, isIncremental: Bool) {
        self.compiler = compiler
        self.tracking = tracking
        self.incremental = isIncremental
    }

    func relation(for call: RefCall, from subject: NodeContext.Subject) throws -> RelationName {
        let target = try compiler.resolveRef(call, from: subject)
        if target.isEphemeral {
            tracking.record(target.uniqueID)
            return RelationName(database: nil, schema: nil, identifier: "__dbt__cte__\(target.name)", type: "cte")
        }
        return target.relation
    }

    func source(_ source: String, _ table: String, from subject: NodeContext.Subject) throws -> RelationName {
        try compiler.resolveSource(source, table, from: subject).relation
    }

    /// What the runner decided: the model's table exists and no full refresh was asked for.
    func isIncremental(_ subject: NodeContext.Subject) -> Bool { incremental }
}

/// Node fields as the `model` context variable shows them.
enum NodeValues {
    static func model(_ node: ManifestNode) -> Value {
        let d = DictStorage()
        d["unique_id"] = .string(node.uniqueID)
        d["name"] = .string(node.name)
        d["alias"] = .string(node.alias)
        d["schema"] = .string(node.schema)
        d["database"] = node.database.map { .string($0) } ?? .none
        d["package_name"] = .string(node.packageName)
        d["resource_type"] = .string(node.resourceType.rawValue)
        d["original_file_path"] = .string(node.originalFilePath)
        d["path"] = .string(node.path)
        d["fqn"] = .list(node.fqn.map { .string($0) })
        d["tags"] = .list(node.tags.map { .string($0) })
        d["config"] = ValueBridge.value(node.config.values)
        d["raw_code"] = .string(node.rawCode)
        d["description"] = .string(node.description)
        d["meta"] = ValueBridge.value(node.meta)
        d["refs"] = .list(node.refs.map { r in .dict(["name": .string(r.name), "package": r.package.map { .string($0) } ?? .none]) })
        d["depends_on"] = .dict(["nodes": .list(node.dependsOnNodes.map { .string($0) }), "macros": .list(node.dependsOnMacros.map { .string($0) })])
        if let meta = node.testMetadata {
            d["test_metadata"] = .dict(["name": .string(meta.name), "namespace": meta.namespace.map { .string($0) } ?? .none,
                                        "kwargs": ValueBridge.value(meta.kwargs)])
        }
        d["columns"] = {
            let cols = DictStorage()
            for c in node.columns {
                cols[c.name] = .dict(["name": .string(c.name), "description": .string(c.description),
                                      "data_type": c.dataType.map { .string($0) } ?? .none])
            }
            return .dict(cols)
        }()
        return .dict(d)
    }
}
