/// Reads a properties YAML file into a `PropertiesFile`.
///
/// String values are rendered (`env_var`, `var`) except descriptions, tests and hooks, which dbt
/// renders later.
package struct PropertiesParser {
    static let knownSections: Set<String> = [
        "version", "models", "seeds", "snapshots", "analyses", "sources", "macros", "exposures",
        "unit_tests", "semantic_models", "metrics", "saved_queries", "groups", "data_tests", "functions",
    ]

    static let columnKeys: Set<String> = [
        "name", "description", "data_type", "constraints", "tests", "data_tests", "meta", "tags", "quote", "config",
    ]
    static let resourceKeys: Set<String> = [
        "name", "description", "config", "columns", "tests", "data_tests", "meta", "tags", "docs", "access",
        "group", "constraints", "latest_version", "versions", "relation",
    ]

    let renderer: YAMLTreeRenderer

    package init(renderer: YAMLTreeRenderer) {
        self.renderer = renderer
    }

    /// Parses `text`; `file` is how errors name the file (project-relative).
    package func parse(
        text: String, file: String, record: PropertiesFile, warnings: inout [ProjectWarning]
    ) throws(ProjectError) -> PropertiesFile {
        var out = record
        guard let raw = try YAMLReader.parse(text, file: file) else { return out }
        // Most files have no Jinja at all; skip the rebuilding walk for them.
        let root = text.contains("{{") || text.contains("{%")
            ? try renderer.render(raw, skip: YAMLTreeRenderer.skipInPropertiesFile) : raw
        let entries = try root.expectMapping(file)
        for section in entries {
            let rel = out.originalFilePath
            switch section.key {
            case "version":
                continue
            case "models":
                out.models = try resources(section.value, .model, "models", rel)
            case "seeds":
                out.seeds = try resources(section.value, .seed, "seeds", rel)
            case "snapshots":
                out.snapshots = try resources(section.value, .snapshot, "snapshots", rel)
            case "analyses":
                out.analyses = try resources(section.value, .analysis, "analyses", rel)
            case "sources":
                for item in try section.value.expectSequence("sources") {
                    out.sources.append(try source(item, rel))
                }
            case "macros":
                for item in try section.value.expectSequence("macros") {
                    out.macros.append(try macro(item, rel))
                }
            case "exposures":
                for item in try section.value.expectSequence("exposures") {
                    out.exposures.append(try exposure(item, rel))
                }
            default:
                if !Self.knownSections.contains(section.key) {
                    warnings.append(ProjectWarning(
                        .unknownKey, "unknown top-level key '\(section.key)' in properties file; ignored",
                        at: section.keyLocation))
                }
                out.otherSections[section.key] = section.value.configValue
            }
        }
        return out
    }

    private func name(_ node: YAMLNode, in section: String) throws(ProjectError) -> String {
        _ = try node.expectMapping(section)
        guard let n = node["name"] else {
            throw .missingKey("name", in: "an entry of '\(section)'", at: node.location)
        }
        return try n.expectString("name")
    }

    private func config(_ node: YAMLNode) throws(ProjectError) -> ConfigMap {
        try node["config"]?.expectConfigMap("config") ?? ConfigMap()
    }

    private func description(_ node: YAMLNode) throws(ProjectError) -> String {
        try node["description"]?.optionalString("description") ?? ""
    }

    private func tags(_ node: YAMLNode) throws(ProjectError) -> [String] {
        try node["tags"]?.expectStringOrList("tags") ?? []
    }

    private func constraints(_ node: YAMLNode) throws(ProjectError) -> [ConfigMap] {
        var out: [ConfigMap] = []
        for c in try node["constraints"]?.expectSequence("constraints") ?? [] {
            out.append(try c.expectConfigMap("constraints"))
        }
        return out
    }

    private func columns(_ node: YAMLNode, target: TestTarget) throws(ProjectError) -> [ColumnProperties] {
        var out: [ColumnProperties] = []
        for c in try node["columns"]?.expectSequence("columns") ?? [] {
            let colName = try name(c, in: "columns")
            let cfg = try config(c)
            var extra = ConfigMap()
            for e in c.mapping ?? [] where !Self.columnKeys.contains(e.key) { extra[e.key] = e.value.configValue }
            let meta = (try c["meta"]?.expectConfigMap("meta") ?? ConfigMap()).updating(with: cfg["meta"]?.mapValue ?? ConfigMap())
            var columnTags = try tags(c)
            for t in cfg["tags"]?.stringList ?? [] where !columnTags.contains(t) { columnTags.append(t) }
            out.append(ColumnProperties(
                name: colName, description: try description(c),
                dataType: try c["data_type"]?.optionalString("data_type"),
                constraints: try constraints(c),
                tests: try TestDefinition.parseList(in: c, column: colName, target: target),
                meta: meta, tags: columnTags,
                quote: try c["quote"].flatMap { n throws(ProjectError) in n.isNull ? nil : try n.expectBool("quote") },
                extra: extra, location: c.location))
        }
        return out
    }

    private func resources(
        _ node: YAMLNode, _ type: ResourceType, _ section: String, _ file: String
    ) throws(ProjectError) -> [ResourceProperties] {
        var out: [ResourceProperties] = []
        for item in try node.expectSequence(section) {
            let n = try name(item, in: section)
            let target: TestTarget
            switch type {
            case .seed: target = .seed(name: n)
            case .snapshot: target = .snapshot(name: n)
            default: target = .model(name: n, version: nil)
            }
            var versions: [ModelVersionProperties] = []
            for v in try item["versions"]?.expectSequence("versions") ?? [] {
                guard let vNode = v["v"] else { throw .missingKey("v", in: "a model version", at: v.location) }
                let vText = try vNode.expectString("v")
                let vTarget = TestTarget.model(name: n, version: vText)
                let vTests = try TestDefinition.parseList(in: v, column: nil, target: vTarget)
                    + columns(v, target: vTarget).flatMap(\.tests)
                versions.append(ModelVersionProperties(
                    version: vText, definedIn: try v["defined_in"]?.optionalString("defined_in"),
                    config: try config(v), tests: vTests, raw: try v.expectConfigMap("versions"), location: v.location))
            }
            var extra = ConfigMap()
            for e in item.mapping ?? [] where !Self.resourceKeys.contains(e.key) { extra[e.key] = e.value.configValue }
            out.append(ResourceProperties(
                resourceType: type, name: n, description: try description(item), config: try config(item),
                columns: try columns(item, target: target),
                tests: try TestDefinition.parseList(in: item, column: nil, target: target),
                meta: try item["meta"]?.expectConfigMap("meta") ?? ConfigMap(), tags: try tags(item),
                docs: try item["docs"].map { d throws(ProjectError) in try d.expectConfigMap("docs") },
                access: try item["access"]?.optionalString("access"), group: try item["group"]?.optionalString("group"),
                constraints: try constraints(item),
                latestVersion: try item["latest_version"]?.optionalString("latest_version"),
                versions: versions, relation: try item["relation"]?.optionalString("relation"),
                extra: extra, file: file, location: item.location))
        }
        return out
    }

    private func freshness(_ node: YAMLNode?) throws(ProjectError) -> FreshnessSetting {
        guard let node else { return .unset }
        if node.isNull { return .disabled }
        _ = try node.expectMapping("freshness")
        func threshold(_ key: String) throws(ProjectError) -> FreshnessPolicy.Threshold? {
            guard let t = node[key], !t.isNull else { return nil }
            _ = try t.expectMapping(key)
            return FreshnessPolicy.Threshold(
                count: try t["count"].flatMap { c throws(ProjectError) in c.isNull ? nil : try c.expectInt("count") },
                period: try t["period"]?.optionalString("period"))
        }
        return .policy(FreshnessPolicy(
            warnAfter: try threshold("warn_after"), errorAfter: try threshold("error_after"),
            filter: try node["filter"]?.optionalString("filter")))
    }

    private func source(_ item: YAMLNode, _ file: String) throws(ProjectError) -> SourceProperties {
        let sourceName = try name(item, in: "sources")
        var tables: [SourceTableProperties] = []
        for t in try item["tables"]?.expectSequence("tables") ?? [] {
            let tableName = try name(t, in: "tables")
            let target = TestTarget.source(sourceName: sourceName, tableName: tableName)
            tables.append(SourceTableProperties(
                name: tableName, identifier: try t["identifier"]?.optionalString("identifier"),
                description: try description(t),
                loadedAtField: try t["loaded_at_field"]?.optionalString("loaded_at_field"),
                freshness: try freshness(t.entry("freshness")?.value),
                quoting: try t["quoting"]?.expectConfigMap("quoting") ?? ConfigMap(),
                external: try t["external"].map { e throws(ProjectError) in try e.expectConfigMap("external") },
                columns: try columns(t, target: target),
                tests: try TestDefinition.parseList(in: t, column: nil, target: target),
                meta: try t["meta"]?.expectConfigMap("meta") ?? ConfigMap(), tags: try tags(t),
                config: try config(t), location: t.location))
        }
        return SourceProperties(
            name: sourceName, description: try description(item),
            database: try item["database"]?.optionalString("database"),
            schema: try item["schema"]?.optionalString("schema"),
            loader: try item["loader"]?.optionalString("loader") ?? "",
            loadedAtField: try item["loaded_at_field"]?.optionalString("loaded_at_field"),
            freshness: try freshness(item.entry("freshness")?.value),
            quoting: try item["quoting"]?.expectConfigMap("quoting") ?? ConfigMap(),
            meta: try item["meta"]?.expectConfigMap("meta") ?? ConfigMap(), tags: try tags(item),
            config: try config(item), overrides: try item["overrides"]?.optionalString("overrides"),
            tables: tables, file: file, location: item.location)
    }

    private func macro(_ item: YAMLNode, _ file: String) throws(ProjectError) -> MacroProperties {
        let n = try name(item, in: "macros")
        var args: [MacroProperties.Argument] = []
        for a in try item["arguments"]?.expectSequence("arguments") ?? [] {
            args.append(MacroProperties.Argument(
                name: try name(a, in: "arguments"), type: try a["type"]?.optionalString("type"),
                description: try description(a)))
        }
        return MacroProperties(
            name: n, description: try description(item), arguments: args,
            meta: try item["meta"]?.expectConfigMap("meta") ?? ConfigMap(),
            docs: try item["docs"].map { d throws(ProjectError) in try d.expectConfigMap("docs") },
            file: file, location: item.location)
    }

    private func exposure(_ item: YAMLNode, _ file: String) throws(ProjectError) -> ExposureProperties {
        let n = try name(item, in: "exposures")
        guard let type = item["type"] else { throw .missingKey("type", in: "exposure '\(n)'", at: item.location) }
        return ExposureProperties(
            name: n, label: try item["label"]?.optionalString("label"), type: try type.expectString("type"),
            maturity: try item["maturity"]?.optionalString("maturity"), url: try item["url"]?.optionalString("url"),
            description: try description(item), owner: try item["owner"]?.expectConfigMap("owner") ?? ConfigMap(),
            dependsOn: try item["depends_on"]?.expectStringList("depends_on") ?? [],
            meta: try item["meta"]?.expectConfigMap("meta") ?? ConfigMap(), tags: try tags(item),
            config: try config(item), file: file, location: item.location)
    }
}
