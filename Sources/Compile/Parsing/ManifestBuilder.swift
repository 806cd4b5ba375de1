import Dispatch
import Foundation
import Graph
import Jinja
import Project

/// Parses a loaded project into a `Manifest`: renders every node once with `execute = false` to
/// capture its refs, sources and `config()` calls, resolves configs (project → properties →
/// in-file), names relations, instantiates generic tests, links the graph and checks it.
public struct ManifestBuilder: Sendable {
    let session: CompileSession

    public init(session: CompileSession) {
        self.session = session
    }

    private var project: LoadedProject { session.project }

    /// One thing to parse-render: a file, or a `{% snapshot %}` block in a file.
    struct Unit: Sendable {
        var file: ResourceFile
        var name: String
        var fqn: [String]
        var rawCode: String
        var line: Int
        /// For snapshot blocks: the macro holding the block's body.
        var blockMacro: TemplateMacro?
    }

    struct Parsed {
        var unit: Unit
        var capture: ParseCapture
        var macros: [String]
    }

    /// Builds the manifest; throws the first error in file order.
    public func build() throws -> Manifest {
        let units = try collectUnits()
        let parsed = try parseAll(units)
        let properties = PropertiesIndex(project.properties)
        var warnings = project.warnings.map(\.description)
        var nodes: [ManifestNode] = []
        nodes.reserveCapacity(parsed.count)
        for p in parsed { nodes.append(try makeNode(p, properties)) }
        var sources = try makeSources()
        nodes += try makeGenericTests(properties: properties, nodes: nodes, sources: sources)
        let enabled = nodes.filter(\.isEnabled)
        let disabled = nodes.filter { !$0.isEnabled }
        try checkDuplicates(enabled)
        warnings += properties.unmatched(nodes: nodes)
        sources = sources.filter { $0.config["enabled"]?.boolValue ?? true }
        var linked = try link(enabled, disabled: disabled, sources: sources)
        linked.sort { $0.uniqueID < $1.uniqueID }
        let exposures = try makeExposures(nodes: linked, sources: sources)
        var edges: [(id: String, dependsOn: [String])] = linked.map { ($0.uniqueID, $0.dependsOnNodes) }
        edges += sources.map { ($0.uniqueID, []) }
        edges += exposures.map { ($0.uniqueID, $0.dependsOnNodes) }
        let graph = DependencyGraph(edges)
        if let cycle = graph.findCycle() {
            throw CompileError(.cycle, "Found a cycle: \(cycle.joined(separator: " --> "))")
        }
        return Manifest(nodes: linked, disabled: disabled, sources: sources, exposures: exposures,
                        macros: session.library.allMacros, docs: project.docs, graph: graph, warnings: warnings)
    }

    // MARK: - Units

    private func collectUnits() throws -> [Unit] {
        var units: [Unit] = []
        let snapshotEnvironment: Environment = {
            var env = session.library.environment
            env.macroTags["snapshot"] = "snapshot_"
            return env
        }()
        for file in project.files {
            switch file.resourceType {
            case .model, .analysis, .seed:
                units.append(Unit(file: file, name: file.name, fqn: file.fqn, rawCode: file.contents, line: 1))
            case .test where !file.isGenericTestFile:
                units.append(Unit(file: file, name: file.name, fqn: file.fqn, rawCode: file.contents, line: 1))
            case .snapshot:
                let template: Template
                do {
                    template = try snapshotEnvironment.template(file.contents, name: file.displayPath)
                } catch let e as JinjaError {
                    throw CompileError(jinja: e, file: file.displayPath)
                }
                for m in template.macroList where m.name.hasPrefix("snapshot_") {
                    let name = String(m.name.dropFirst("snapshot_".count))
                    let body = SnapshotBlocks.body(of: name, in: file.contents) ?? ""
                    units.append(Unit(file: file, name: name, fqn: file.fqn(forBlockNamed: name), rawCode: body,
                                      line: m.line, blockMacro: m))
                }
            default:
                break
            }
        }
        return units
    }

    // MARK: - Parse renders

    private func parseAll(_ units: [Unit]) throws -> [Parsed] {
        let results = ConcurrentResults<Result<Parsed, CompileError>>(count: units.count)
        DispatchQueue.concurrentPerform(iterations: units.count) { i in
            results[i] = Result { try parse(units[i]) }.mapError { $0 as? CompileError ?? CompileError(.jinja, "\($0)") }
        }
        var out: [Parsed] = []
        out.reserveCapacity(units.count)
        var errors: [CompileError] = []
        for r in results.values {
            switch r {
            case .success(let p): out.append(p)
            case .failure(let e): errors.append(e)
            case nil: break
            }
        }
        if let first = errors.first { throw first }
        return out
    }

    private func parse(_ unit: Unit) throws -> Parsed {
        let capture = ParseCapture()
        guard unit.file.resourceType != .seed, unit.file.isSupported else {
            return Parsed(unit: unit, capture: capture, macros: [])
        }
        let subject = NodeContext.Subject(
            uniqueID: "\(unit.file.resourceType.rawValue).\(unit.file.packageName).\(unit.name)", name: unit.name,
            packageName: unit.file.packageName, resourceType: unit.file.resourceType.rawValue,
            originalFilePath: unit.file.originalFilePath,
            relation: RelationName(database: session.targetDatabase, schema: session.targetSchema, identifier: unit.name),
            config: ConfigMap(), modelValue: nil)
        let context = NodeContext(session: session, subject: subject, mode: .parse(capture))
        let scopes = context.makeScopes()
        defer { scopes.close() }
        do {
            if let macro = unit.blockMacro {
                _ = try callMacro(macro, in: scopes.scope(for: unit.file.packageName), name: unit.file.displayPath)
            } else {
                var env = session.library.environment
                env.undefinedBehavior = .chainable
                let template = try env.template(unit.rawCode, name: unit.file.displayPath)
                _ = try template.render(in: scopes.scope(for: unit.file.packageName))
            }
        } catch let e as JinjaError {
            throw CompileError(jinja: e, file: unit.file.displayPath)
        }
        return Parsed(unit: unit, capture: capture, macros: scopes.usedMacros)
    }

    /// Renders a macro's body as a template would (snapshot blocks).
    private func callMacro(_ macro: TemplateMacro, in scope: Scope, name: String) throws -> Value {
        let callable = macro.bind(to: scope)
        var env = session.library.environment
        env.undefinedBehavior = .chainable
        let caller = try env.template("{{ __block__() }}", name: name)
        let inner = Scope(["__block__": callable], parent: scope)
        return .string(try caller.render(in: inner))
    }

    // MARK: - Nodes

    private func makeNode(_ p: Parsed, _ properties: PropertiesIndex) throws -> ManifestNode {
        let file = p.unit.file
        let type = file.resourceType
        let props = properties.lookup(type, package: file.packageName, name: p.unit.name)
        var propertiesConfig = props?.properties.config ?? ConfigMap()
        if let props {
            if !props.properties.meta.isEmpty { propertiesConfig = ConfigMerger.merged([propertiesConfig, ["meta": .map(props.properties.meta)]]) }
            if let docs = props.properties.docs { propertiesConfig = ConfigMerger.merged([propertiesConfig, ["docs": .map(docs)]]) }
        }
        var config = project.configResolver.resolve(type, package: file.packageName, fqn: p.unit.fqn,
                                                     properties: props == nil ? nil : propertiesConfig,
                                                     inFile: p.capture.configCalls)
        if type == .test, config.values["schema"] == nil {
            config.values = config.values.updating(with: ["schema": "dbt_test__audit"])
        }
        try validate(config, type: type, file: file)
        var node = ManifestNode(
            uniqueID: "\(type.rawValue).\(file.packageName).\(p.unit.name)", resourceType: type,
            packageName: file.packageName, name: p.unit.name, fqn: p.unit.fqn,
            originalFilePath: file.originalFilePath, path: file.path, displayPath: file.displayPath,
            rawCode: p.unit.rawCode, language: file.language, checksum: file.checksum, config: config,
            schema: "", alias: "")
        node.line = p.unit.line
        node.refs = p.capture.refs
        node.sources = p.capture.sources
        node.dependsOnMacros = p.macros.sorted()
        if let props {
            node.description = props.properties.description
            node.columns = props.properties.columns
            node.patchPath = props.file
        }
        try name(&node)
        return node
    }

    private func validate(_ config: ResolvedConfig, type: ResourceType, file: ResourceFile) throws {
        guard type == .model, let m = config.materialized else { return }
        let known: Set<String> = ["view", "table", "incremental", "ephemeral", "materialized_view", "seed", "snapshot", "test"]
        if !known.contains(m), session.library.resolve("materialization_\(m)_default", from: file.packageName) == nil,
           session.library.resolve("materialization_\(m)_\(session.adapterType)", from: file.packageName) == nil {
            throw CompileError(.unknownMaterialization,
                               "No materialization '\(m)' was found for adapter \(session.adapterType)! (searched types 'default' and '\(session.adapterType)')",
                               file: file.displayPath, line: 1)
        }
    }

    /// Database, schema and alias through dbt's naming macros (natively when not overridden).
    func name(_ node: inout ManifestNode) throws {
        let config = node.config
        let naming = RelationNaming(session: session)
        if node.resourceType == .snapshot, let target = config.targetSchema {
            node.schema = target
        } else {
            node.schema = try naming.schema(custom: config.schema, node: node)
        }
        if node.resourceType == .snapshot, let target = config.targetDatabase {
            node.database = target
        } else {
            node.database = try naming.database(custom: config.database, node: node)
        }
        node.alias = try naming.alias(custom: config.alias, node: node)
        switch node.resourceType {
        case .model where !node.isEphemeral, .seed, .snapshot:
            node.relationName = session.render(node.relation)
        default:
            node.relationName = nil
        }
    }

    // MARK: - Sources

    private func makeSources() throws -> [SourceNode] {
        var out: [SourceNode] = []
        for file in project.properties {
            for source in file.sources {
                for table in source.tables {
                    let fqn = [file.packageName] + file.folderParts + [source.name, table.name]
                    let config = project.configResolver.resolve(.source, package: file.packageName, fqn: fqn,
                                                                properties: source.config.updating(with: table.config))
                    let schema = source.schema ?? source.name
                    let database = source.database ?? session.targetDatabase
                    var node = SourceNode(
                        uniqueID: "source.\(file.packageName).\(source.name).\(table.name)", packageName: file.packageName,
                        sourceName: source.name, name: table.name, identifier: table.identifier ?? table.name,
                        database: session.adapterType == "sqlite" ? nil : database, schema: schema, fqn: fqn,
                        originalFilePath: file.originalFilePath, description: table.description,
                        sourceDescription: source.description, loader: source.loader,
                        loadedAtField: table.loadedAtField ?? source.loadedAtField,
                        freshness: table.freshness, columns: table.columns, meta: table.meta, sourceMeta: source.meta,
                        tags: Array(NSOrderedSet(array: source.tags + table.tags)) as? [String] ?? source.tags + table.tags,
                        config: config.values, external: table.external, quoting: source.quoting.updating(with: table.quoting),
                        relationName: "", line: table.location.line)
                    node.relationName = session.render(node.relation)
                    out.append(node)
                }
            }
        }
        return out
    }

    // MARK: - Generic tests

    private func makeGenericTests(properties: PropertiesIndex, nodes: [ManifestNode], sources: [SourceNode]) throws -> [ManifestNode] {
        var collected: [(TestDefinition, PropertiesFile)] = []
        for file in project.properties {
            for d in file.allTests { collected.append((d, file)) }
        }
        let definitions = collected
        let builder = GenericTestBuilder(session: session, builder: self)
        let results = ConcurrentResults<Result<ManifestNode, CompileError>>(count: definitions.count)
        DispatchQueue.concurrentPerform(iterations: definitions.count) { i in
            results[i] = Result { try builder.build(definitions[i].0, in: definitions[i].1) }
                .mapError { $0 as? CompileError ?? CompileError(.jinja, "\($0)") }
        }
        var out: [ManifestNode] = []
        for r in results.values {
            switch r {
            case .success(let n): out.append(n)
            case .failure(let e): throw e
            case nil: break
            }
        }
        return out
    }

    // MARK: - Linking

    private func checkDuplicates(_ nodes: [ManifestNode]) throws {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(nodes.count)
        for (i, n) in nodes.enumerated() {
            if let j = seen[n.uniqueID] {
                let other = nodes[j]
                throw CompileError(.duplicateNode, """
                    dbt found two \(n.resourceType.rawValue)s with the name "\(n.name)".
                    Since these resources have the same name, dbt will be unable to find the correct resource when looking for ref("\(n.name)").
                    To fix this, change the name of one of these resources:
                    - \(other.uniqueID) (\(other.originalFilePath))
                    - \(n.uniqueID) (\(n.originalFilePath))
                    """, file: n.displayPath, line: n.line)
            }
            seen[n.uniqueID] = i
        }
    }

    private func link(_ nodes: [ManifestNode], disabled: [ManifestNode], sources: [SourceNode]) throws -> [ManifestNode] {
        let resolver = RefResolver(nodes: nodes, disabled: disabled, sources: sources, rootPackage: project.root.name)
        return try nodes.map { node in
            var n = node
            var deps: [String] = []
            for ref in n.refs {
                let target = try resolver.resolve(ref, from: n)
                if !deps.contains(target) { deps.append(target) }
            }
            for s in n.sources {
                let target = try resolver.resolveSource(s[0], s[1], from: n)
                if !deps.contains(target) { deps.append(target) }
            }
            n.dependsOnNodes = deps
            return n
        }
    }

    private func makeExposures(nodes: [ManifestNode], sources: [SourceNode]) throws -> [ExposureNode] {
        let resolver = RefResolver(nodes: nodes, disabled: [], sources: sources, rootPackage: project.root.name)
        var out: [ExposureNode] = []
        for file in project.properties {
            for e in file.exposures {
                let id = "exposure.\(file.packageName).\(e.name)"
                var refs: [RefCall] = []
                var srcs: [[String]] = []
                for dep in e.dependsOn {
                    if let call = DependencyString.ref(dep) { refs.append(call) } else if let s = DependencyString.source(dep) { srcs.append(s) }
                }
                let subject = ManifestNode(uniqueID: id, resourceType: .exposure, packageName: file.packageName, name: e.name,
                                           fqn: [], originalFilePath: file.originalFilePath, path: "", displayPath: file.originalFilePath,
                                           rawCode: "", language: "sql", checksum: FileChecksum(name: "none", checksum: ""),
                                           config: ResolvedConfig(values: ConfigMap()), schema: "", alias: "")
                var deps: [String] = []
                for r in refs { deps.append(try resolver.resolve(r, from: subject)) }
                for s in srcs { deps.append(try resolver.resolveSource(s[0], s[1], from: subject)) }
                out.append(ExposureNode(uniqueID: id, packageName: file.packageName, name: e.name,
                                        fqn: [file.packageName] + file.folderParts + [e.name],
                                        originalFilePath: file.originalFilePath, properties: e, dependsOnNodes: deps,
                                        refs: refs, sources: srcs))
            }
        }
        return out
    }
}

/// Results written by concurrent workers, one slot each.
final class ConcurrentResults<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T? {
        get { lock.withLock { storage[i] } }
        set { lock.withLock { storage[i] = newValue } }
    }

    var values: [T?] { lock.withLock { storage } }
}

/// Finds the text of a `{% snapshot name %}…{% endsnapshot %}` block, for `raw_code`.
enum SnapshotBlocks {
    static func body(of name: String, in text: String) -> String? {
        guard let open = try? NSRegularExpression(pattern: "\\{%-?\\s*snapshot\\s+\(NSRegularExpression.escapedPattern(for: name))\\s*-?%\\}"),
              let m = open.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let start = Range(m.range, in: text)?.upperBound else { return nil }
        let rest = text[start...]
        guard let close = try? NSRegularExpression(pattern: "\\{%-?\\s*endsnapshot\\s*-?%\\}"),
              let c = close.firstMatch(in: text, range: NSRange(start..., in: text)),
              let end = Range(c.range, in: text)?.lowerBound else { return String(rest) }
        return String(text[start..<end])
    }
}

/// `ref('x')` and `source('a', 'b')` written as strings (exposures' `depends_on`).
enum DependencyString {
    static func ref(_ s: String) -> RefCall? {
        let args = arguments(s, function: "ref")
        switch args?.count {
        case 1: return RefCall(package: nil, name: args![0])
        case 2: return RefCall(package: args![0], name: args![1])
        default: return nil
        }
    }

    static func source(_ s: String) -> [String]? {
        guard let args = arguments(s, function: "source"), args.count == 2 else { return nil }
        return args
    }

    private static func arguments(_ s: String, function: String) -> [String]? {
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(function + "("), trimmed.hasSuffix(")") else { return nil }
        let inner = trimmed.dropFirst(function.count + 1).dropLast()
        return inner.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        }
    }
}
