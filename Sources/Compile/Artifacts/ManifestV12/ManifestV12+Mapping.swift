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

        nodes = ManifestV12.NodeList(source: manifest.nodes, mapper: mapper)
        var disabledByID: [String: [ManifestV12.Node]] = [:]
        for n in manifest.disabled { disabledByID[n.uniqueID, default: []].append(mapper.node(n)) }
        disabled = disabledByID.keys.sorted().map { ($0, disabledByID[$0]!) }
        sources = manifest.sources.map(mapper.source)
        exposures = manifest.exposures.map { mapper.exposure($0, createdAt: createdAt) }
        var docs = manifest.docs.map { d in
            let parts = d.originalFilePath.split(separator: "/", maxSplits: 1)
            return ManifestV12.Doc(name: d.name, packageName: d.packageName,
                                   path: parts.count == 2 ? String(parts[1]) : d.originalFilePath,
                                   originalFilePath: d.originalFilePath, blockContents: d.contents)
        }
        if !docs.contains(where: { $0.name == "__overview__" && $0.packageName == "dbt" }) {
            docs.insert(ManifestV12.Doc.overview, at: 0)
        }
        self.docs = docs
        macros = ManifestV12.Document.macros(manifest.macros, project: project, createdAt: createdAt)

        var parents: [(String, [String])] = []
        parents.reserveCapacity(manifest.nodes.count + manifest.sources.count + manifest.exposures.count)
        for i in manifest.nodes.indices { parents.append((manifest.nodes[i].uniqueID, manifest.nodes[i].dependsOnNodes)) }
        for i in manifest.sources.indices { parents.append((manifest.sources[i].uniqueID, [])) }
        for i in manifest.exposures.indices { parents.append((manifest.exposures[i].uniqueID, manifest.exposures[i].dependsOnNodes)) }
        var position: [String: Int] = [:]
        position.reserveCapacity(parents.count)
        for i in parents.indices {
            parents[i].1 = ManifestV12.sortedUnique(parents[i].1)
            position[parents[i].0] = i
        }
        var children = parents.map { ($0.0, [String]()) }
        for i in parents.indices {
            for d in parents[i].1 {
                if let p = position[d] { children[p].1.append(parents[i].0) }
            }
        }
        for i in children.indices { children[i].1 = ManifestV12.sortedUnique(children[i].1) }
        parentMap = parents
        childMap = children
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
    /// `ids` sorted, without repeats (as dbt writes `parent_map` and `child_map`).
    static func sortedUnique(_ ids: [String]) -> [String] {
        if ids.count < 2 { return ids }
        let sorted = ids.sorted()
        var out = [sorted[0]]
        out.reserveCapacity(sorted.count)
        for id in sorted.dropFirst() where id != out[out.count - 1] { out.append(id) }
        return out
    }

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
