/// A node's final config: every key as merged (in first-written order, so adapter keys such as
/// `dist`, `sort`, `partition_by` reach `manifest.json`), with typed accessors for the keys ingot
/// acts on.
public struct ResolvedConfig: Sendable, Hashable {
    /// Every key, merged. Hooks are under `pre-hook` / `post-hook`.
    public var values: ConfigMap

    /// Creates a config from merged values.
    public init(values: ConfigMap) {
        self.values = values
    }

    /// Any key.
    public subscript(key: String) -> ConfigValue? { values[key] }

    private func string(_ key: String) -> String? {
        guard let v = values[key], !v.isNull else { return nil }
        return v.scalarText
    }

    /// `enabled` (default true).
    public var enabled: Bool { values["enabled"]?.boolValue ?? true }
    /// `materialized`.
    public var materialized: String? { string("materialized") }
    /// `schema` (the custom schema, before `generate_schema_name`).
    public var schema: String? { string("schema") }
    /// `database`.
    public var database: String? { string("database") }
    /// `alias`.
    public var alias: String? { string("alias") }
    /// `tags` as a set in first-seen order (the raw `values["tags"]` keeps dbt's duplicates).
    public var tags: [String] {
        var seen = Set<String>()
        return (values["tags"]?.stringList ?? []).filter { seen.insert($0).inserted }
    }
    /// `meta`.
    public var meta: ConfigMap { values["meta"]?.mapValue ?? ConfigMap() }
    /// `full_refresh`.
    public var fullRefresh: Bool? { values["full_refresh"]?.boolValue }
    /// `unique_key` as a list (a string is one column).
    public var uniqueKey: [String]? {
        guard let v = values["unique_key"], !v.isNull else { return nil }
        return v.stringList
    }
    /// `incremental_strategy`.
    public var incrementalStrategy: String? { string("incremental_strategy") }
    /// `on_schema_change`.
    public var onSchemaChange: String? { string("on_schema_change") }
    /// `persist_docs`.
    public var persistDocs: ConfigMap { values["persist_docs"]?.mapValue ?? ConfigMap() }
    /// `pre-hook`s in order.
    public var preHooks: [Hook] { (values["pre-hook"]?.listValue ?? []).compactMap(Hook.init) }
    /// `post-hook`s in order.
    public var postHooks: [Hook] { (values["post-hook"]?.listValue ?? []).compactMap(Hook.init) }
    /// `contract` (`enforced`, `alias_types`).
    public var contract: ConfigMap { values["contract"]?.mapValue ?? ConfigMap() }
    /// Whether `contract.enforced` is true.
    public var contractEnforced: Bool { contract["enforced"]?.boolValue ?? false }
    /// `docs` (`show`, `node_color`).
    public var docs: ConfigMap { values["docs"]?.mapValue ?? ConfigMap() }
    /// `grants`: privilege → grantees.
    public var grants: [String: [String]] {
        var out: [String: [String]] = [:]
        for (k, v) in values["grants"]?.mapValue ?? ConfigMap() { out[k] = v.stringList ?? [] }
        return out
    }
    /// `column_types` (seeds).
    public var columnTypes: ConfigMap { values["column_types"]?.mapValue ?? ConfigMap() }
    /// `quote_columns` (seeds).
    public var quoteColumns: Bool? { values["quote_columns"]?.boolValue }
    /// `delimiter` (seeds).
    public var delimiter: String? { string("delimiter") }
    /// `strategy` (snapshots: `timestamp` or `check`).
    public var strategy: String? { string("strategy") }
    /// `updated_at` (snapshots).
    public var updatedAt: String? { string("updated_at") }
    /// `check_cols` (snapshots): `["all"]` when written as `all`.
    public var checkCols: [String]? {
        guard let v = values["check_cols"], !v.isNull else { return nil }
        return v.stringList
    }
    /// `target_schema` (snapshots).
    public var targetSchema: String? { string("target_schema") }
    /// `target_database` (snapshots).
    public var targetDatabase: String? { string("target_database") }
    /// `invalidate_hard_deletes` (snapshots, legacy).
    public var invalidateHardDeletes: Bool? { values["invalidate_hard_deletes"]?.boolValue }
    /// `hard_deletes` (snapshots: `ignore`, `invalidate`, `new_record`).
    public var hardDeletes: String? { string("hard_deletes") }
    /// `severity` (tests), uppercased as dbt compares it.
    public var severity: String? { string("severity")?.uppercased() }
    /// `warn_if` (tests).
    public var warnIf: String? { string("warn_if") }
    /// `error_if` (tests).
    public var errorIf: String? { string("error_if") }
    /// `where` (tests).
    public var whereClause: String? { string("where") }
    /// `limit` (tests).
    public var limit: Int? { values["limit"]?.intValue }
    /// `fail_calc` (tests).
    public var failCalc: String? { string("fail_calc") }
    /// `store_failures` (tests).
    public var storeFailures: Bool? { values["store_failures"]?.boolValue }
    /// `access` (models).
    public var access: String? { string("access") }
    /// `group`.
    public var group: String? { string("group") }
}
