/// A column as described under `columns:` of a model, seed, snapshot or source table.
public struct ColumnProperties: Sendable {
    /// `name`.
    public var name: String
    /// `description` (unrendered; may contain `doc()`).
    public var description: String
    /// `data_type`.
    public var dataType: String?
    /// `constraints`, each kept as written (`type`, `expression`, `name`, …).
    public var constraints: [ConfigMap]
    /// The column's tests.
    public var tests: [TestDefinition]
    /// `meta` (also read from `config.meta`, as dbt 1.10 allows).
    public var meta: ConfigMap
    /// `tags` (also read from `config.tags`).
    public var tags: [String]
    /// `quote`.
    public var quote: Bool?
    /// `granularity` and any other keys, kept as written.
    public var extra: ConfigMap
    /// Where the column is written.
    public var location: SourceLocation
}
