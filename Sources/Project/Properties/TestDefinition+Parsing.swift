extension TestDefinition {
    /// The keys dbt moves from a test's arguments into its config (dbt's `CONFIG_ARGS`).
    static let configKeys: Set<String> = [
        "severity", "tags", "enabled", "where", "limit", "warn_if", "error_if", "fail_calc",
        "store_failures", "store_failures_as", "meta", "database", "schema", "alias",
    ]

    /// Parses one item of a `tests:` / `data_tests:` list.
    ///
    /// - Throws: `.invalidValue` at the item for shapes dbt rejects (several keys without
    ///   `test_name`, a name that is not `[namespace.]identifier`, arguments that are not a mapping).
    static func parse(_ node: YAMLNode, column: String?, target: TestTarget) throws(ProjectError) -> TestDefinition {
        let fullName: String
        var body: [YAMLEntry]
        switch node.value {
        case .string(let s):
            fullName = s
            body = []
        case .mapping(let entries):
            if let nameEntry = entries.last(where: { $0.key == "test_name" }) {
                fullName = try nameEntry.value.expectString("test_name")
                body = entries.filter { $0.key != "test_name" }
            } else {
                guard entries.count == 1 else {
                    throw ProjectError(
                        .invalidValue,
                        "test definition dictionary must have exactly one key, got \(entries.map(\.key))",
                        at: node.location)
                }
                fullName = entries[0].key
                if entries[0].value.isNull {
                    body = []
                } else {
                    guard let m = entries[0].value.mapping else {
                        throw ProjectError(
                            .invalidType, "test arguments must be a mapping, got \(entries[0].value.typeName)",
                            at: entries[0].value.location)
                    }
                    body = m
                }
            }
        default:
            throw ProjectError(.invalidType, "a test must be a name or a mapping, got \(node.typeName)", at: node.location)
        }

        let parts = fullName.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (parts.count == 1 || parts.count == 2), parts.allSatisfy(ProjectDefinition.isIdentifier) else {
            throw ProjectError(.invalidValue, "Test name '\(fullName)' does not match the pattern [namespace.]name", at: node.location)
        }
        var def = TestDefinition(
            namespace: parts.count == 2 ? parts[0] : nil, testName: parts.last!, columnName: column,
            attachedTo: target, location: node.location)

        var nestedArguments: ConfigMap?
        var topLevel = ConfigMap()
        for e in body {
            switch e.key {
            case "config":
                def.config = def.config.updating(with: try e.value.expectConfigMap("config"))
            case "arguments":
                nestedArguments = try e.value.expectConfigMap("arguments")
            case "name":
                def.customName = try e.value.expectString("name")
            case "description":
                def.description = try e.value.optionalString("description")
            case "column_name":
                def.columnName = try e.value.expectString("column_name")
            default:
                if configKeys.contains(e.key) {
                    if !e.value.isNull { def.config[e.key] = e.value.configValue }
                } else {
                    topLevel[e.key] = e.value.configValue
                }
            }
        }
        if let nestedArguments {
            def.arguments = topLevel.updating(with: nestedArguments)
        } else {
            def.arguments = topLevel
            def.usesTopLevelArguments = !topLevel.isEmpty
        }
        return def
    }

    /// Parses a `tests:` / `data_tests:` list (dbt rejects having both on one resource).
    static func parseList(
        in node: YAMLNode, column: String?, target: TestTarget
    ) throws(ProjectError) -> [TestDefinition] {
        let data = node.entry("data_tests")
        let legacy = node.entry("tests")
        if let data, let legacy {
            throw ProjectError(
                .invalidValue, "Invalid test config: cannot have both 'tests' and 'data_tests' defined",
                at: data.keyLocation.line > legacy.keyLocation.line ? data.keyLocation : legacy.keyLocation)
        }
        guard let list = (data ?? legacy)?.value else { return [] }
        var out: [TestDefinition] = []
        for item in try list.expectSequence(data != nil ? "data_tests" : "tests") {
            out.append(try parse(item, column: column, target: target))
        }
        return out
    }
}
