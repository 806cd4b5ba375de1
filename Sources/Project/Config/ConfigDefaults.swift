/// dbt's default config per resource type (the values dbt-core 1.11's config classes start from),
/// applied beneath every other layer.
public enum ConfigDefaults {
    /// The defaults for `type`.
    public static func values(for type: ResourceType) -> ConfigMap {
        var base: ConfigMap = ["enabled": true, "tags": [], "meta": [:]]
        switch type {
        case .model, .analysis:
            base["materialized"] = "view"
            base.merge(nodeCommon)
            if type == .model { base["access"] = "protected" }
        case .seed:
            base["materialized"] = "seed"
            base.merge(nodeCommon)
            base["delimiter"] = ","
        case .snapshot:
            base["materialized"] = "snapshot"
            base.merge(nodeCommon)
        case .test:
            base["materialized"] = "test"
            base["schema"] = "dbt_test__audit"
            base["severity"] = "ERROR"
            base["fail_calc"] = "count(*)"
            base["warn_if"] = "!= 0"
            base["error_if"] = "!= 0"
        default:
            break
        }
        return base
    }

    private static let nodeCommon: ConfigMap = [
        "persist_docs": [:], "pre-hook": [], "post-hook": [], "quoting": [:], "column_types": [:],
        "on_schema_change": "ignore", "grants": [:], "packages": [],
        "docs": ["show": true, "node_color": nil], "contract": ["enforced": false, "alias_types": true],
    ]
}

extension ConfigMap {
    fileprivate mutating func merge(_ other: ConfigMap) {
        for (k, v) in other { self[k] = v }
    }
}
