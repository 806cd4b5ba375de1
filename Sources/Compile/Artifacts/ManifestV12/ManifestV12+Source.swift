import Project

extension ManifestV12 {
    /// An entry of `sources`: one source table (dbt's `SourceDefinition`).
    struct Source: ManifestV12Writable {
        var database: String?
        var schema: String
        var name: String
        var packageName: String
        var originalFilePath: String
        var uniqueID: String
        var fqn: [String]
        var sourceName: String
        var sourceDescription: String
        var loader: String
        var identifier: String
        var quoting: ConfigMap
        var loadedAtField: String?
        var freshness: FreshnessSetting
        var external: ConfigMap?
        var description: String
        var columns: [Column]
        var meta: ConfigMap
        var sourceMeta: ConfigMap
        var tags: [String]
        /// The resolved config, written over dbt's `SourceConfig` keys.
        var config: ConfigMap
        var unrenderedConfig: ConfigMap
        /// `schema:` as written; nil when the source's name is its schema.
        var unrenderedSchema: String?
        var relationName: String
        var createdAt: Double
        var docBlocks: [String]

        func write(to w: inout JSONWriter) {
            w.objectStart()
            w.key("database"); w.string(database)
            w.key("schema"); w.string(schema)
            w.key("name"); w.string(name)
            w.key("resource_type"); w.string("source")
            w.key("package_name"); w.string(packageName)
            w.key("path"); w.string(originalFilePath)
            w.key("original_file_path"); w.string(originalFilePath)
            w.key("unique_id"); w.string(uniqueID)
            w.key("fqn"); w.strings(fqn)
            w.key("source_name"); w.string(sourceName)
            w.key("source_description"); w.string(sourceDescription)
            w.key("loader"); w.string(loader)
            w.key("identifier"); w.string(identifier)
            w.key("quoting")
            w.objectStart()
            for part in ["database", "schema", "identifier", "column"] {
                w.key(part)
                if let b = quoting[part]?.boolValue { w.bool(b) } else { w.null() }
            }
            w.objectEnd()
            w.key("loaded_at_field"); w.string(loadedAtField)
            w.key("loaded_at_query"); w.null()
            w.key("freshness"); writeFreshness(to: &w)
            w.key("external")
            if let external { w.map(external) } else { w.null() }
            w.key("description"); w.string(description)
            w.key("columns")
            w.objectStart()
            for c in columns { w.key(c.name); c.write(to: &w) }
            w.objectEnd()
            w.key("meta"); w.map(meta)
            w.key("source_meta"); w.map(sourceMeta)
            w.key("tags"); w.strings(tags)
            w.key("config")
            w.objectStart()
            w.key("enabled"); w.bool(config["enabled"]?.boolValue ?? true)
            w.key("event_time"); w.value(config["event_time"])
            w.key("freshness"); writeFreshness(to: &w)
            w.key("loaded_at_field"); w.string(loadedAtField)
            w.key("loaded_at_query"); w.value(config["loaded_at_query"])
            w.key("meta"); w.map(meta)
            w.key("tags"); w.strings(tags)
            w.key("static_analysis"); w.value(config["static_analysis"])
            for (k, v) in config where !Source.configKeys.contains(k) { w.key(k); w.value(v) }
            w.objectEnd()
            w.key("patch_path"); w.null()
            w.key("unrendered_config"); w.map(unrenderedConfig)
            w.key("relation_name"); w.string(relationName)
            w.key("created_at"); w.double(createdAt)
            w.key("unrendered_database"); w.null()
            w.key("unrendered_schema"); w.string(unrenderedSchema)
            w.key("doc_blocks"); w.strings(docBlocks)
            w.objectEnd()
        }

        private static let configKeys: Set<String> = [
            "enabled", "event_time", "freshness", "loaded_at_field", "loaded_at_query", "meta", "tags", "static_analysis",
        ]

        /// A policy, an all-null policy when none is set, `null` when switched off.
        private func writeFreshness(to w: inout JSONWriter) {
            let policy: FreshnessPolicy
            switch freshness {
            case .disabled: return w.null()
            case .unset: policy = FreshnessPolicy()
            case .policy(let p): policy = p
            }
            w.objectStart()
            w.key("warn_after"); Source.writeThreshold(policy.warnAfter, to: &w)
            w.key("error_after"); Source.writeThreshold(policy.errorAfter, to: &w)
            w.key("filter"); w.string(policy.filter)
            w.objectEnd()
        }

        private static func writeThreshold(_ t: FreshnessPolicy.Threshold?, to w: inout JSONWriter) {
            w.objectStart()
            w.key("count")
            if let c = t?.count { w.int(c) } else { w.null() }
            w.key("period"); w.string(t?.period)
            w.objectEnd()
        }
    }
}
