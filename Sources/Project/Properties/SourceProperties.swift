/// A `sources:` entry of properties YAML.
public struct SourceProperties: Sendable {
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String
    /// `database`.
    public var database: String?
    /// `schema` (dbt defaults it to the source name).
    public var schema: String?
    /// `loader`.
    public var loader: String
    /// `loaded_at_field`.
    public var loadedAtField: String?
    /// `freshness`.
    public var freshness: FreshnessSetting
    /// `quoting`.
    public var quoting: ConfigMap
    /// `meta`.
    public var meta: ConfigMap
    /// `tags`.
    public var tags: [String]
    /// `config:`.
    public var config: ConfigMap
    /// `overrides`: the package whose source this entry overrides.
    public var overrides: String?
    /// `tables`.
    public var tables: [SourceTableProperties]
    /// The properties file, relative to its package root.
    public var file: String
    /// Where the entry starts.
    public var location: SourceLocation
}

/// A table of a source.
public struct SourceTableProperties: Sendable {
    /// `name`.
    public var name: String
    /// `identifier` (defaults to `name`).
    public var identifier: String?
    /// `description`.
    public var description: String
    /// `loaded_at_field` (overrides the source's).
    public var loadedAtField: String?
    /// `freshness` (overrides the source's).
    public var freshness: FreshnessSetting
    /// `quoting`.
    public var quoting: ConfigMap
    /// `external`, kept verbatim for the external-sources feature.
    public var external: ConfigMap?
    /// `columns`.
    public var columns: [ColumnProperties]
    /// Table-level tests.
    public var tests: [TestDefinition]
    /// `meta`.
    public var meta: ConfigMap
    /// `tags`.
    public var tags: [String]
    /// `config:`.
    public var config: ConfigMap
    /// Where the entry starts.
    public var location: SourceLocation

    /// Table-level tests then column tests.
    public var allTests: [TestDefinition] { tests + columns.flatMap(\.tests) }
}
