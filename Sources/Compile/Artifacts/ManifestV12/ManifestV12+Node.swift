import Project

extension ManifestV12 {
    /// An entry of `nodes` (or `disabled`): a seed, model, analysis, snapshot, singular test or
    /// generic test. Which keys are written depends on the kind, as dbt's `SeedNode`,
    /// `ModelNode`, `AnalysisNode`, `SnapshotNode`, `SingularTestNode` and `GenericTestNode`
    /// serialize (the schema rejects keys a kind does not have).
    struct Node: ManifestV12Writable, Sendable {
        var resourceType: ResourceType
        var database: String?
        var schema: String
        var name: String
        var packageName: String
        var path: String
        var originalFilePath: String
        var uniqueID: String
        var fqn: [String]
        var alias: String
        var checksum: FileChecksum
        var config: NodeConfig
        var tags: [String]
        var description: String
        var columns: [Column]
        var meta: ConfigMap
        var group: String?
        var docs: ConfigMap?
        /// `package://path/to/properties.yml`.
        var patchPath: String?
        var unrenderedConfig: ConfigMap
        var createdAt: Double
        var relationName: String?
        var rawCode: String
        var docBlocks: [String]
        /// Seeds: the package's root directory.
        var rootPath: String?
        var language: String
        var refs: [Ref]
        var sources: [[String]]
        var dependsOnMacros: [String]
        var dependsOnNodes: [String]
        var compiledPath: String?
        /// The compiled SQL, once compiled (`compiled: true`).
        var compiledCode: String?
        var contractEnforced: Bool
        var contractAliasTypes: Bool
        /// Models: `access`.
        var access: String
        /// Models: the inferred primary key.
        var primaryKey: [String]
        /// Generic tests.
        var testMetadata: TestMetadata?
        var columnName: String?
        var fileKeyName: String?
        var attachedNode: String?

        /// dbt's `test_metadata`.
        struct TestMetadata: Sendable {
            var name: String
            var kwargs: ConfigMap
            var namespace: String?
        }

        func write(to w: inout JSONWriter) {
            w.objectStart()
            w.key("database"); w.string(database)
            w.key("schema"); w.string(schema)
            w.key("name"); w.string(name)
            w.key("resource_type"); w.string(resourceType.rawValue)
            w.key("package_name"); w.string(packageName)
            w.key("path"); w.string(path)
            w.key("original_file_path"); w.string(originalFilePath)
            w.key("unique_id"); w.string(uniqueID)
            w.key("fqn"); w.strings(fqn)
            w.key("alias"); w.string(alias)
            w.key("checksum")
            w.objectStart()
            w.key("name"); w.string(checksum.name)
            w.key("checksum"); w.string(checksum.checksum)
            w.objectEnd()
            w.key("config"); config.write(to: &w)
            w.key("tags"); w.strings(tags)
            w.key("description"); w.string(description)
            w.key("columns")
            w.objectStart()
            for i in columns.indices { w.key(columns[i].name); columns[i].write(to: &w) }
            w.objectEnd()
            w.key("meta"); w.map(meta)
            w.key("group"); w.string(group)
            w.key("docs"); ManifestV12.writeDocs(docs, to: &w)
            w.key("patch_path"); w.string(patchPath)
            w.key("build_path"); w.null()
            w.key("unrendered_config"); w.map(unrenderedConfig)
            w.key("created_at"); w.double(createdAt)
            w.key("relation_name"); w.string(relationName)
            w.key("raw_code"); w.string(rawCode)
            w.key("doc_blocks"); w.strings(docBlocks)
            if resourceType == .seed {
                w.key("root_path"); w.string(rootPath)
                ManifestV12.writeDependsOn(macros: dependsOnMacros, nodes: nil, to: &w)
                w.objectEnd()
                return
            }
            w.key("language"); w.string(language)
            ManifestV12.writeReferences(refs: refs, sources: sources, to: &w)
            w.key("functions"); w.emptyArray()
            ManifestV12.writeDependsOn(macros: dependsOnMacros, nodes: dependsOnNodes, to: &w)
            w.key("compiled_path"); w.string(compiledPath)
            if let compiledCode {
                w.key("compiled"); w.bool(true)
                w.key("compiled_code"); w.string(compiledCode)
                w.key("extra_ctes_injected"); w.bool(true)
                w.key("extra_ctes"); w.emptyArray()
            }
            w.key("contract")
            w.objectStart()
            w.key("enforced"); w.bool(contractEnforced)
            w.key("alias_types"); w.bool(contractAliasTypes)
            w.key("checksum"); w.null()
            w.objectEnd()
            switch resourceType {
            case .model:
                w.key("access"); w.string(access)
                w.key("constraints"); w.emptyArray()
                w.key("version"); w.null()
                w.key("latest_version"); w.null()
                w.key("deprecation_date"); w.null()
                w.key("primary_key"); w.strings(primaryKey)
                w.key("time_spine"); w.null()
            case .test where testMetadata != nil:
                w.key("column_name"); w.string(columnName)
                w.key("file_key_name"); w.string(fileKeyName)
                w.key("attached_node"); w.string(attachedNode)
                if let t = testMetadata {
                    w.key("test_metadata")
                    w.objectStart()
                    w.key("name"); w.string(t.name)
                    w.key("kwargs"); w.map(t.kwargs)
                    w.key("namespace"); w.string(t.namespace)
                    w.objectEnd()
                }
            default:
                break
            }
            w.objectEnd()
        }
    }
}
