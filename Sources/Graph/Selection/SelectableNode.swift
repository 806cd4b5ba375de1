import Project

/// What a selectable node tells the selector; the manifest's nodes conform.
///
/// Optional facts have defaults in an extension so simple node types only provide what they have.
public protocol SelectableNode: Sendable {
    /// `model.pkg.name`, `source.pkg.src.table`, …
    var uniqueID: String { get }
    /// The node's name (for sources, the table name).
    var name: String { get }
    /// The resource type.
    var resourceType: ResourceType { get }
    /// The package.
    var packageName: String { get }
    /// The fqn.
    var fqn: [String] { get }
    /// The path relative to the package root.
    var originalFilePath: String { get }
    /// The properties YAML that patched the node, relative to the package root.
    var patchPath: String? { get }
    /// The node's tags.
    var tags: [String] { get }
    /// The resolved config, every key.
    var config: ConfigMap { get }
    /// The source's name, for sources.
    var sourceName: String? { get }
    /// For tests: generic (with its test name) or singular; for unit tests, `.unit`.
    var testKind: TestKind? { get }
    /// The unique ids the node depends on (nodes, not macros).
    var dependsOn: [String] { get }
}

/// What kind of test a test node is.
public enum TestKind: Sendable, Hashable {
    /// A generic test, with its test name (`unique`, `expression_is_true`, without namespace).
    case generic(testName: String)
    /// A singular test (a SQL file under `tests/`).
    case singular
    /// A unit test.
    case unit
}

extension SelectableNode {
    /// Default: no properties file.
    public var patchPath: String? { nil }
    /// Default: not a source.
    public var sourceName: String? { nil }
    /// Default: not a test.
    public var testKind: TestKind? { nil }
}

/// A plain `SelectableNode`, for callers without a node type of their own and for tests.
public struct GraphNode: SelectableNode {
    public var uniqueID: String
    public var name: String
    public var resourceType: ResourceType
    public var packageName: String
    public var fqn: [String]
    public var originalFilePath: String
    public var patchPath: String?
    public var tags: [String]
    public var config: ConfigMap
    public var sourceName: String?
    public var testKind: TestKind?
    public var dependsOn: [String]

    /// Creates a node; the unique id is `type.package.name` (or `source.package.source.name`).
    public init(
        _ type: ResourceType, _ name: String, package: String = "proj", fqn: [String]? = nil, path: String? = nil,
        patchPath: String? = nil, tags: [String] = [], config: ConfigMap = ConfigMap(), sourceName: String? = nil,
        testKind: TestKind? = nil, dependsOn: [String] = [], uniqueID: String? = nil
    ) {
        self.resourceType = type
        self.name = name
        self.packageName = package
        self.sourceName = sourceName
        self.uniqueID = uniqueID ?? (sourceName.map { "source.\(package).\($0).\(name)" } ?? "\(type.rawValue).\(package).\(name)")
        self.fqn = fqn ?? [package, name]
        self.originalFilePath = path ?? "models/\(name).sql"
        self.patchPath = patchPath
        self.tags = tags
        self.config = config
        self.testKind = testKind
        self.dependsOn = dependsOn
    }
}
