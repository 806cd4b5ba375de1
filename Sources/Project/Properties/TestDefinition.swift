/// A generic data test as written in properties YAML, normalised from all of dbt's spellings:
///
/// ```yaml
/// - unique
/// - accepted_values: {values: [a, b], severity: warn}             # legacy: arguments at the top
/// - accepted_values: {arguments: {values: [a]}, config: {where: "x > 0"}}
/// - name: my_test
///   test_name: relationships
///   arguments: {to: "ref('x')", field: id}
/// - dbt_utils.expression_is_true: {expression: "a > 0"}
/// ```
public struct TestDefinition: Sendable {
    /// The macro namespace (`dbt_utils`), nil for the project's or dbt's own tests.
    public var namespace: String?
    /// The test's name (`unique`, `expression_is_true`): the macro is `test_<testName>`.
    public var testName: String
    /// A user-chosen node name (`name:`), replacing the synthesized one.
    public var customName: String?
    /// `description:`, when given.
    public var description: String?
    /// The arguments passed to the test macro, unrendered (dbt renders them when the test is
    /// compiled). Does not include `column_name` or `model`.
    public var arguments: ConfigMap
    /// The test's config: the `config:` block plus the legacy top-level config keys (`severity`,
    /// `where`, `tags`, …), unrendered.
    public var config: ConfigMap
    /// The column the test is attached to (or `column_name:` given explicitly).
    public var columnName: String?
    /// The resource the test is attached to.
    public var attachedTo: TestTarget
    /// Where the test is written.
    public var location: SourceLocation
    /// True when arguments were written at the top level without `arguments:` (dbt deprecates it).
    public var usesTopLevelArguments: Bool

    /// `namespace.testName`, or `testName` when there is no namespace.
    public var qualifiedName: String {
        namespace.map { "\($0).\(testName)" } ?? testName
    }

    /// Creates a test definition.
    public init(
        namespace: String?, testName: String, customName: String? = nil, description: String? = nil,
        arguments: ConfigMap = ConfigMap(), config: ConfigMap = ConfigMap(), columnName: String? = nil,
        attachedTo: TestTarget, location: SourceLocation, usesTopLevelArguments: Bool = false
    ) {
        self.namespace = namespace
        self.testName = testName
        self.customName = customName
        self.description = description
        self.arguments = arguments
        self.config = config
        self.columnName = columnName
        self.attachedTo = attachedTo
        self.location = location
        self.usesTopLevelArguments = usesTopLevelArguments
    }
}
