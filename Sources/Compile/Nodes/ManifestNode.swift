import Project

/// A parsed node of the project: model, seed, snapshot, test (singular or generic), analysis.
///
/// Built by `ManifestBuilder` from the loader's files and properties after the parse render,
/// with config resolved and database/schema/alias named.
public struct ManifestNode: Sendable {
    public var uniqueID: String
    public var resourceType: ResourceType
    public var packageName: String
    public var name: String
    public var fqn: [String]
    /// Relative to the package root (`models/staging/stg_orders.sql`).
    public var originalFilePath: String
    /// Relative to the resource path (`staging/stg_orders.sql`).
    public var path: String
    /// The path errors show.
    public var displayPath: String
    public var rawCode: String
    public var language: String
    public var checksum: FileChecksum
    public var config: ResolvedConfig
    public var description: String = ""
    public var columns: [ColumnProperties] = []
    /// The properties YAML that described the node, relative to its package root.
    public var patchPath: String?
    public var refs: [RefCall] = []
    public var sources: [[String]] = []
    public var dependsOnNodes: [String] = []
    public var dependsOnMacros: [String] = []
    public var database: String?
    public var schema: String
    public var alias: String
    /// The rendered relation (`"main"."orders"`); nil for ephemeral models, tests and analyses.
    public var relationName: String?
    /// For generic tests: the test's name, arguments and namespace.
    public var testMetadata: TestMetadata?
    /// For generic tests: the node the test is attached to.
    public var attachedNode: String?
    /// For generic tests: the column it tests.
    public var columnName: String?
    /// Where the node (or, for generic tests, the test definition) is written.
    public var line: Int = 1
    /// The SQL after the compile render, once compiled.
    public var compiledCode: String?
    /// `meta` merged from config and properties.
    public var meta: ConfigMap { config.meta }
    public var tags: [String] { config.tags }
    public var materialized: String { config.materialized ?? "view" }
    public var isEnabled: Bool { config.enabled }
    public var isEphemeral: Bool { resourceType == .model && materialized == "ephemeral" }

    /// The relation the node builds, or nil when it builds none.
    public var relation: RelationName {
        RelationName(database: database, schema: schema, identifier: alias,
                     type: isEphemeral ? "cte" : (materialized == "view" ? "view" : "table"))
    }
}

/// `test_metadata` of a generic test.
public struct TestMetadata: Sendable {
    /// `not_null`, `expression_is_true`, …
    public var name: String
    /// `dbt_utils`, or nil for dbt's own and the project's tests.
    public var namespace: String?
    /// The arguments as written (unrendered strings for Jinja expressions), plus `column_name`
    /// and `model`.
    public var kwargs: ConfigMap
}

/// A source table from properties YAML.
public struct SourceNode: Sendable {
    public var uniqueID: String
    public var packageName: String
    public var sourceName: String
    public var name: String
    public var identifier: String
    public var database: String?
    public var schema: String
    public var fqn: [String]
    public var originalFilePath: String
    public var description: String
    public var sourceDescription: String
    public var loader: String
    public var loadedAtField: String?
    public var freshness: FreshnessSetting
    public var columns: [ColumnProperties]
    public var meta: ConfigMap
    public var sourceMeta: ConfigMap
    public var tags: [String]
    public var config: ConfigMap
    public var external: ConfigMap?
    public var quoting: ConfigMap
    public var relationName: String
    public var line: Int

    public var relation: RelationName {
        RelationName(database: database, schema: schema, identifier: identifier, type: "table")
    }
}

/// An exposure from properties YAML.
public struct ExposureNode: Sendable {
    public var uniqueID: String
    public var packageName: String
    public var name: String
    public var fqn: [String]
    public var originalFilePath: String
    public var properties: ExposureProperties
    public var dependsOnNodes: [String]
    public var refs: [RefCall]
    public var sources: [[String]]
}
