import Foundation
import Project

extension ManifestV12.Document {
    /// Builds the manifest document from the parsed project.
    ///
    /// - Parameters:
    ///   - manifest: the parse output (compiled nodes carry `compiledCode`).
    ///   - session: the invocation (project, adapter, invocation id, start time).
    ///   - generatedAt: the time written as `metadata.generated_at`.
    init(manifest: Manifest, session: CompileSession, generatedAt: Date = Date()) {
        let project = session.project
        let mapper = ManifestV12.NodeMapper(manifest: manifest, session: session)
        let createdAt = session.runStartedAt.timeIntervalSince1970
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let started = formatter.string(from: session.runStartedAt)
        let prefix = "DBT_ENV_CUSTOM_ENV_"
        let env = ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix(prefix) }
            .map { (String($0.key.dropFirst(prefix.count)), $0.value) }.sorted { $0.0 < $1.0 }
        let quote = session.policy.quote
        metadata = ManifestV12.Metadata(
            generatedAt: formatter.string(from: generatedAt), invocationID: session.invocationID,
            invocationStartedAt: started, env: env, projectName: project.root.name,
            projectID: MD5.hex(project.root.name), adapterType: session.adapterType,
            quoting: (quote.database, quote.schema, quote.identifier), runStartedAt: started)

        nodes = manifest.nodes.map(mapper.node)
        var disabledByID: [String: [ManifestV12.Node]] = [:]
        for n in manifest.disabled { disabledByID[n.uniqueID, default: []].append(mapper.node(n)) }
        disabled = disabledByID.keys.sorted().map { ($0, disabledByID[$0]!) }
        sources = manifest.sources.map(mapper.source)
        exposures = manifest.exposures.map { mapper.exposure($0, createdAt: createdAt) }
        docs = manifest.docs.map { d in
            let parts = d.originalFilePath.split(separator: "/", maxSplits: 1)
            return ManifestV12.Doc(name: d.name, packageName: d.packageName,
                                   path: parts.count == 2 ? String(parts[1]) : d.originalFilePath,
                                   originalFilePath: d.originalFilePath, blockContents: d.contents)
        }
        macros = ManifestV12.Document.macros(manifest.macros, project: project, createdAt: createdAt)

        var parents: [(String, [String])] = []
        var children: [String: [String]] = [:]
        var order: [String] = []
        func add(_ id: String, _ deps: [String]) {
            parents.append((id, Array(Set(deps)).sorted()))
            order.append(id)
            if children[id] == nil { children[id] = [] }
        }
        for n in manifest.nodes { add(n.uniqueID, n.dependsOnNodes) }
        for s in manifest.sources { add(s.uniqueID, []) }
        for e in manifest.exposures { add(e.uniqueID, e.dependsOnNodes) }
        for (id, deps) in parents {
            for d in deps { children[d, default: []].append(id) }
        }
        parentMap = parents
        childMap = order.map { ($0, Array(Set(children[$0] ?? [])).sorted()) }
        selectors = ConfigMap(project.selectors.map { s in
            var entry: ConfigMap = ["name": .string(s.name), "definition": ManifestV12.selectorValue(s.definition)]
            if let d = s.description { entry["description"] = .string(d) }
            if s.isDefault { entry["default"] = true }
            return (s.name, .map(entry))
        })
    }

    private static func macros(_ entries: [MacroLibrary.MacroEntry], project: LoadedProject,
                               createdAt: Double) -> [ManifestV12.Macro] {
        var properties: [String: MacroProperties] = [:]
        for file in project.properties {
            for m in file.macros { properties["\(file.packageName).\(m.name)"] = m }
        }
        let texts = MacroSourceText()
        return entries.map { e in
            let props = properties["\(e.package).\(e.macro.name)"]
            return ManifestV12.Macro(
                name: e.macro.name, packageName: e.package, path: e.path, uniqueID: e.uniqueID,
                macroSQL: texts.text(of: e.macro), dependsOnMacros: [], description: props?.description ?? "",
                meta: props?.meta ?? ConfigMap(), docs: props?.docs,
                patchPath: props.map { "\(e.package)://\($0.file)" }, arguments: props?.arguments ?? [],
                createdAt: createdAt,
                supportedLanguages: e.macro.name.hasPrefix("materialization_") ? ["sql"] : nil)
        }
    }
}

extension ManifestV12 {
    /// A `selectors.yml` definition as the mapping dbt keeps in the manifest.
    static func selectorValue(_ d: SelectorDefinition) -> ConfigValue {
        switch d {
        case .cli(let text, _):
            return .string(text)
        case .method(let c):
            var m: ConfigMap = ["method": .string(c.method), "value": .string(c.value)]
            if c.parents { m["parents"] = true }
            if let depth = c.parentsDepth { m["parents_depth"] = .int(depth) }
            if c.children { m["children"] = true }
            if let depth = c.childrenDepth { m["children_depth"] = .int(depth) }
            if c.childrensParents { m["childrens_parents"] = true }
            if let mode = c.indirectSelection { m["indirect_selection"] = .string(mode) }
            if !c.exclude.isEmpty { m["exclude"] = .list(c.exclude.map(selectorValue)) }
            return .map(m)
        case .union(let items, let exclude, _):
            return .map(["union": .list(items.map(selectorValue) + exclude.map { .map(["exclude": .list([selectorValue($0)])]) })])
        case .intersection(let items, let exclude, _):
            return .map(["intersection": .list(items.map(selectorValue) + exclude.map { .map(["exclude": .list([selectorValue($0)])]) })])
        }
    }
}
