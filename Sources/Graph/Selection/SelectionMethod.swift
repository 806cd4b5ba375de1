/// A selection method (`tag:`, `config.materialized:`, …).
public enum SelectionMethod: Sendable, Hashable {
    case fqn
    case tag
    case path
    case file
    /// `config.<key>[.<subkey>…]:` with the key path.
    case config([String])
    case source
    case resourceType
    case package
    case testType
    case testName
    case exposure
    case group
    case access
    /// `selector:` referring to a named selector of selectors.yml.
    case selector

    /// Parses `tag`, `config.materialized`, `resource_type`, …
    ///
    /// - Throws: `.unsupportedMethod` for dbt methods ingot lacks (`state`, `result`, …),
    ///   `.invalidSelector` for names dbt does not know.
    public static func parse(_ raw: String) throws(GraphError) -> SelectionMethod {
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch parts[0] {
        case "fqn": return .fqn
        case "tag": return .tag
        case "path": return .path
        case "file": return .file
        case "config":
            guard parts.count > 1, parts.dropFirst().allSatisfy({ !$0.isEmpty }) else {
                throw GraphError(.invalidSelector, "'config' selectors need a key: config.<key>:<value>")
            }
            return .config(Array(parts.dropFirst()))
        case "source": return .source
        case "resource_type": return .resourceType
        case "package": return .package
        case "test_type": return .testType
        case "test_name": return .testName
        case "exposure": return .exposure
        case "group": return .group
        case "access": return .access
        case "selector": return .selector
        case "state", "result", "source_status", "metric", "semantic_model", "saved_query", "unit_test", "version",
            "wildcard":
            throw GraphError(.unsupportedMethod, "the '\(parts[0])' selection method is not supported by ingot yet")
        default:
            throw GraphError(.invalidSelector, "'\(raw)' is not a valid method name")
        }
    }
}
