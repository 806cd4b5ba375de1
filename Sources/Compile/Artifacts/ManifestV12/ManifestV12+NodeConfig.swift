import Project

extension ManifestV12 {
    /// A node's `config`: every key of the resolved config, laid over the keys dbt's config class
    /// for the resource type always writes (`ModelConfig`, `SeedConfig`, `SnapshotConfig`,
    /// `TestConfig`, …), in dbt's order, followed by any other key the project set (adapter
    /// configs such as `dist` or `sort`).
    struct NodeConfig: ManifestV12Writable, Sendable {
        var resourceType: ResourceType
        var values: ConfigMap

        func write(to w: inout JSONWriter) {
            let keys = NodeConfig.keys(for: resourceType)
            let encoded = NodeConfig.encodedKeys(for: resourceType)
            w.objectStart()
            var found = 0
            for i in keys.indices {
                w.key(encoded: encoded[i])
                if writeValue(of: keys[i], to: &w) { found += 1 }
            }
            if found < values.count {
                // Keys dbt's config class does not have (adapter configs), in written order.
                let known = NodeConfig.keySet(for: resourceType)
                let written = values.keys
                for i in written.indices where !known.contains(written[i]) {
                    w.key(written[i])
                    w.value(values[written[i]]!)
                }
            }
            w.objectEnd()
        }

        /// Writes the value of `key`; returns whether the config has the key.
        @discardableResult
        private func writeValue(of key: String, to w: inout JSONWriter) -> Bool {
            let v = values[key]
            switch key {
            case "tags":
                if case .list(let items)? = v, items.count <= 1 {
                    w.value(.list(items))
                } else {
                    w.strings(ResolvedConfig(values: values).tags)
                }
            case "pre-hook", "post-hook":
                w.arrayStart()
                for item in v?.listValue ?? (v.map { [$0] } ?? []) {
                    guard let hook = Hook(item) else { continue }
                    w.objectStart()
                    w.key("sql"); w.string(hook.sql)
                    w.key("transaction"); w.bool(hook.transaction)
                    w.key("index"); w.null()
                    w.objectEnd()
                }
                w.arrayEnd()
            case "docs":
                ManifestV12.writeDocs(v?.mapValue, to: &w)
            case "contract":
                let m = v?.mapValue ?? ConfigMap()
                w.objectStart()
                w.key("enforced"); w.bool(m["enforced"]?.boolValue ?? false)
                w.key("alias_types"); w.bool(m["alias_types"]?.boolValue ?? true)
                w.objectEnd()
            case "snapshot_meta_column_names":
                let m = v?.mapValue ?? ConfigMap()
                w.objectStart()
                for name in ["dbt_valid_to", "dbt_valid_from", "dbt_scd_id", "dbt_updated_at", "dbt_is_deleted"] {
                    w.key(name); w.value(m[name])
                }
                w.objectEnd()
            default:
                if let v { w.value(v) } else { NodeConfig.writeDefault(of: key, type: resourceType, to: &w) }
            }
            return v != nil
        }

        private static func writeDefault(of key: String, type: ResourceType, to w: inout JSONWriter) {
            switch key {
            case "enabled": w.bool(true)
            case "meta", "persist_docs", "quoting", "column_types", "grants": w.emptyObject()
            case "packages": w.emptyArray()
            case "lookback": w.int(1)
            case "on_schema_change": w.string("ignore")
            case "on_configuration_change": w.string("apply")
            case "access": w.string("protected")
            case "delimiter": w.string(",")
            case "materialized":
                switch type {
                case .seed: w.string("seed")
                case .snapshot: w.string("snapshot")
                case .test: w.string("test")
                default: w.string("view")
                }
            case "schema" where type == .test: w.string("dbt_test__audit")
            case "severity": w.string("ERROR")
            case "fail_calc": w.string("count(*)")
            case "warn_if", "error_if": w.string("!= 0")
            default: w.null()
            }
        }

        /// The keys dbt writes for every node of `type`, in its order.
        static func keys(for type: ResourceType) -> [String] {
            switch type {
            case .test: return testKeys
            case .model: return modelKeys
            case .seed: return seedKeys
            case .snapshot: return snapshotNodeKeys
            default: return nodeKeys
            }
        }

        private static let modelKeys = nodeKeys + ["access", "freshness"]
        private static let seedKeys = nodeKeys + ["delimiter", "quote_columns"]
        private static let snapshotNodeKeys = nodeKeys + snapshotKeys

        private static let nodeKeys = [
            "enabled", "alias", "schema", "database", "tags", "meta", "group", "static_analysis", "materialized",
            "incremental_strategy", "batch_size", "lookback", "begin", "persist_docs", "post-hook", "pre-hook",
            "quoting", "column_types", "full_refresh", "unique_key", "on_schema_change", "on_configuration_change",
            "grants", "packages", "docs", "contract", "event_time", "concurrent_batches",
        ]
        private static let snapshotKeys = [
            "strategy", "target_schema", "target_database", "updated_at", "check_cols", "snapshot_meta_column_names",
            "dbt_valid_to_current",
        ]
        private static let testKeys = [
            "enabled", "alias", "schema", "database", "tags", "meta", "group", "static_analysis", "materialized",
            "severity", "store_failures", "store_failures_as", "where", "limit", "fail_calc", "warn_if", "error_if",
        ]
        /// `keys(for:)`, encoded for `JSONWriter.key(encoded:)`.
        private static func encodedKeys(for type: ResourceType) -> [[UInt8]] {
            switch type {
            case .test: return encodedTestKeys
            case .model: return encodedModelKeys
            case .seed: return encodedSeedKeys
            case .snapshot: return encodedSnapshotKeys
            default: return encodedNodeKeys
            }
        }

        private static let encodedTestKeys = testKeys.map(JSONWriter.encodedKey)
        private static let encodedModelKeys = modelKeys.map(JSONWriter.encodedKey)
        private static let encodedSeedKeys = seedKeys.map(JSONWriter.encodedKey)
        private static let encodedSnapshotKeys = snapshotNodeKeys.map(JSONWriter.encodedKey)
        private static let encodedNodeKeys = nodeKeys.map(JSONWriter.encodedKey)
        private static let modelKeySet = Set(modelKeys)
        private static let seedKeySet = Set(seedKeys)
        private static let snapshotKeySet = Set(snapshotNodeKeys)
        private static let testKeySet = Set(testKeys)
        private static let nodeKeySet = Set(nodeKeys)

        private static func keySet(for type: ResourceType) -> Set<String> {
            switch type {
            case .test: return testKeySet
            case .model: return modelKeySet
            case .seed: return seedKeySet
            case .snapshot: return snapshotKeySet
            default: return nodeKeySet
            }
        }
    }

    /// `docs`: `show` and `node_color`, with dbt's defaults.
    static func writeDocs(_ docs: ConfigMap?, to w: inout JSONWriter) {
        w.objectStart()
        w.key("show"); w.bool(docs?["show"]?.boolValue ?? true)
        w.key("node_color"); w.value(docs?["node_color"])
        w.objectEnd()
    }
}
