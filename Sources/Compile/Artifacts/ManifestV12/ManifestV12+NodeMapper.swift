import Project

extension ManifestV12 {
    /// Turns internal nodes, sources and exposures into their manifest shapes, with what they
    /// need from the rest of the project (doc blocks, attached tests, package roots).
    struct NodeMapper: Sendable {
        let session: CompileSession
        let docs: DocReferences
        let createdAt: Double
        let targetPath: String
        /// Generic tests by the node they are attached to: the test's name and its columns.
        private let testsByNode: [String: [(test: String, columns: [String])]]
        private let rootPaths: [String: String]
        private let defaults: [ResourceType: ConfigMap]
        /// Source-level `freshness:` by `package.source`, which tables without their own inherit.
        private let sourceFreshness: [String: FreshnessSetting]

        init(manifest: Manifest, session: CompileSession) {
            self.session = session
            docs = DocReferences(manifest.docs)
            createdAt = session.runStartedAt.timeIntervalSince1970
            targetPath = session.project.definition.targetPath
            var tests: [String: [(test: String, columns: [String])]] = [:]
            for list in [manifest.nodes, manifest.disabled] {
                for i in list.indices {
                    guard let meta = list[i].testMetadata, let attached = list[i].attachedNode else { continue }
                    var columns: [String] = []
                    if let c = meta.kwargs["column_name"]?.stringValue {
                        columns = [c]
                    } else if let combo = meta.kwargs["combination_of_columns"]?.stringList {
                        columns = combo
                    }
                    tests[attached, default: []].append((meta.name, columns))
                }
            }
            testsByNode = tests
            var roots: [String: String] = [:]
            for p in session.project.allPackages { roots[p.name] = p.definition?.rootPath }
            rootPaths = roots
            var freshness: [String: FreshnessSetting] = [:]
            for file in session.project.properties {
                for s in file.sources { freshness["\(file.packageName).\(s.name)"] = s.freshness }
            }
            sourceFreshness = freshness
            var byType: [ResourceType: ConfigMap] = [:]
            for t in ResourceType.allCases { byType[t] = ConfigDefaults.values(for: t) }
            defaults = byType
        }

        func node(_ n: borrowing ManifestNode) -> Node {
            let description = docs.render(n.description, package: n.packageName)
            let config = n.config
            var compiledPath: String?
            if n.compiledCode != nil, n.resourceType != .snapshot {
                let file = n.testMetadata != nil ? "\(n.originalFilePath)/\(n.name).sql" : n.originalFilePath
                compiledPath = "\(targetPath)/compiled/\(n.packageName)/\(file)"
            }
            return Node(
                resourceType: n.resourceType, database: n.database, schema: n.schema, name: n.name,
                packageName: n.packageName, path: n.path, originalFilePath: n.originalFilePath, uniqueID: n.uniqueID,
                fqn: n.fqn, alias: n.alias, checksum: n.checksum,
                config: NodeConfig(resourceType: n.resourceType, values: config.values),
                tags: n.tags, description: description.text, columns: n.columns.map { column($0, package: n.packageName) },
                meta: n.meta, group: config.group, docs: config.docs,
                patchPath: n.patchPath.map { "\(n.packageName)://\($0)" },
                unrenderedConfig: NodeMapper.difference(config.values, from: defaults[n.resourceType] ?? [:]),
                createdAt: createdAt, relationName: n.relationName, rawCode: n.rawCode,
                docBlocks: description.docBlocks, rootPath: rootPaths[n.packageName], language: n.language,
                refs: n.refs.map { Ref(name: $0.name, package: $0.package, version: $0.version) },
                sources: n.sources, dependsOnMacros: n.dependsOnMacros, dependsOnNodes: n.dependsOnNodes,
                compiledPath: compiledPath, compiledCode: n.compiledCode,
                contractEnforced: config.contractEnforced,
                contractAliasTypes: config.contract["alias_types"]?.boolValue ?? true,
                access: config.access ?? "protected",
                primaryKey: n.resourceType == .model ? primaryKey(of: n) : [],
                testMetadata: n.testMetadata.map {
                    Node.TestMetadata(name: $0.name, kwargs: $0.kwargs, namespace: $0.namespace)
                },
                columnName: n.columnName, fileKeyName: n.attachedNode.flatMap(NodeMapper.fileKeyName),
                attachedNode: n.attachedNode)
        }

        func column(_ c: ColumnProperties, package: String) -> Column {
            let description = docs.render(c.description, package: package)
            return Column(
                name: c.name, description: description.text, meta: c.meta, dataType: c.dataType,
                constraints: c.constraints.map(Constraint.init), quote: c.quote, tags: c.tags,
                granularity: c.extra["granularity"]?.stringValue, docBlocks: description.docBlocks)
        }

        func source(_ s: SourceNode) -> Source {
            let description = docs.render(s.description, package: s.packageName)
            let sourceDescription = docs.render(s.sourceDescription, package: s.packageName)
            var freshness = s.freshness
            if freshness == .unset { freshness = sourceFreshness["\(s.packageName).\(s.sourceName)"] ?? .unset }
            return Source(
                database: s.database, schema: s.schema, name: s.name, packageName: s.packageName,
                originalFilePath: s.originalFilePath, uniqueID: s.uniqueID, fqn: s.fqn, sourceName: s.sourceName,
                sourceDescription: sourceDescription.text, loader: s.loader, identifier: s.identifier,
                quoting: s.quoting, loadedAtField: s.loadedAtField, freshness: freshness, external: s.external,
                description: description.text, columns: s.columns.map { column($0, package: s.packageName) },
                meta: s.meta, sourceMeta: s.sourceMeta, tags: s.tags, config: s.config,
                unrenderedConfig: NodeMapper.difference(s.config, from: defaults[.source] ?? [:]),
                unrenderedSchema: s.schema == s.sourceName ? nil : s.schema,
                relationName: s.relationName, createdAt: createdAt, docBlocks: description.docBlocks)
        }

        func exposure(_ e: ExposureNode, createdAt: Double) -> Exposure {
            let p = e.properties
            let folder = e.originalFilePath.split(separator: "/", maxSplits: 1)
            return Exposure(
                name: e.name, packageName: e.packageName,
                path: folder.count == 2 ? String(folder[1]) : e.originalFilePath,
                originalFilePath: e.originalFilePath, uniqueID: e.uniqueID, fqn: e.fqn, type: p.type, owner: p.owner,
                description: docs.render(p.description, package: e.packageName).text, label: p.label,
                maturity: p.maturity, meta: p.meta, tags: p.tags, enabled: p.config["enabled"]?.boolValue ?? true,
                url: p.url, dependsOnNodes: e.dependsOnNodes,
                refs: e.refs.map { Ref(name: $0.name, package: $0.package, version: $0.version) },
                sources: e.sources, createdAt: createdAt)
        }

        /// The keys the project set: the resolved config without the values dbt's defaults give.
        /// The entries of `values` that `defaults` does not hold, comparing maps key by key: the
        /// keys the project set, as far as the resolved config tells.
        static func difference(_ values: ConfigMap, from defaults: ConfigMap) -> ConfigMap {
            var out = ConfigMap()
            for k in values.keys {
                let v = values[k]!
                if defaults[k] == v { continue }
                if case .map(let inner) = v, case .map(let base)? = defaults[k] {
                    out[k] = .map(difference(inner, from: base))
                } else {
                    out[k] = v
                }
            }
            return out
        }

        /// `models.orders`, `seeds.countries`, `sources.raw`: the properties section a test is under.
        static func fileKeyName(_ attached: String) -> String? {
            let parts = attached.split(separator: ".", maxSplits: 3)
            guard parts.count >= 3 else { return nil }
            switch parts[0] {
            case "model": return "models.\(parts[2])"
            case "seed": return "seeds.\(parts[2])"
            case "snapshot": return "snapshots.\(parts[2])"
            case "source": return "sources.\(parts[2])"
            default: return nil
            }
        }

        /// dbt's inferred primary key: a `primary_key` column constraint, else the columns with
        /// both `unique` and `not_null` tests, else the columns with `unique` tests.
        func primaryKey(of n: borrowing ManifestNode) -> [String] {
            for c in n.columns where c.constraints.contains(where: { $0["type"]?.stringValue == "primary_key" }) {
                return [c.name]
            }
            var unique = Set<String>()
            var notNull = Set<String>()
            for t in testsByNode[n.uniqueID] ?? [] {
                switch t.test {
                case "unique", "unique_combination_of_columns": unique.formUnion(t.columns)
                case "not_null": notNull.formUnion(t.columns)
                default: break
                }
            }
            let both = notNull.intersection(unique)
            return (both.isEmpty ? unique : both).sorted()
        }
    }
}
