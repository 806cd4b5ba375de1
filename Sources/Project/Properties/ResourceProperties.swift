/// The properties of a model, seed, snapshot or analysis from a `models:` / `seeds:` /
/// `snapshots:` / `analyses:` entry in properties YAML (dbt calls these "patches").
public struct ResourceProperties: Sendable {
    /// Which section the entry is in.
    public var resourceType: ResourceType
    /// `name`: the resource it patches.
    public var name: String
    /// `description`, unrendered.
    public var description: String
    /// `config:`, rendered (env_var/var) but not merged: the config resolver merges it.
    public var config: ConfigMap
    /// `columns`, in order.
    public var columns: [ColumnProperties]
    /// The model-level tests (`tests:` / `data_tests:`); column tests are on each column.
    public var tests: [TestDefinition]
    /// `meta` at the top level (dbt merges it into `config.meta`).
    public var meta: ConfigMap
    /// `tags` at the top level (recorded; dbt 1.11 ignores it for models, use `config.tags`).
    public var tags: [String]
    /// `docs` (`show`, `node_color`).
    public var docs: ConfigMap?
    /// `access` (models).
    public var access: String?
    /// `group`.
    public var group: String?
    /// `constraints` at the model level.
    public var constraints: [ConfigMap]
    /// `latest_version` (models).
    public var latestVersion: String?
    /// `versions` (models), each with its tests.
    public var versions: [ModelVersionProperties]
    /// `relation` for YAML-defined snapshots (dbt 1.9+), kept as written.
    public var relation: String?
    /// Keys ingot does not model, kept as written (`time_spine`, `deprecation_date`, …).
    public var extra: ConfigMap
    /// The properties file, relative to its package root.
    public var file: String
    /// Where the entry starts.
    public var location: SourceLocation

    /// All tests of the resource: model-level first, then per column.
    public var allTests: [TestDefinition] {
        tests + columns.flatMap(\.tests) + versions.flatMap(\.tests)
    }
}

/// One entry of a model's `versions:` list.
public struct ModelVersionProperties: Sendable {
    /// `v`.
    public var version: String
    /// `defined_in`, when the file name differs from `<model>_v<v>`.
    public var definedIn: String?
    /// `config:` of this version.
    public var config: ConfigMap
    /// Tests written under this version's `tests:` / columns.
    public var tests: [TestDefinition]
    /// Every key as written (`columns` with `include`/`exclude`, …).
    public var raw: ConfigMap
    /// Where the entry starts.
    public var location: SourceLocation
}
