/// The kinds of dbt resources, spelled as in unique ids and `resource_type` (`model.pkg.name`).
public enum ResourceType: String, Sendable, Hashable, CaseIterable {
    case model
    case seed
    case snapshot
    case test
    case source
    case analysis
    case macro
    case exposure
    case operation
    case docs = "doc"
    case unitTest = "unit_test"
    case metric
    case semanticModel = "semantic_model"
    case savedQuery = "saved_query"

    /// The `dbt_project.yml` key whose config tree applies to this type (analyses use `models:`,
    /// as in dbt; data tests read `data_tests:` or its older spelling `tests:`).
    public var projectConfigKey: String {
        switch self {
        case .seed: return "seeds"
        case .snapshot: return "snapshots"
        case .test: return "data_tests"
        case .source: return "sources"
        case .exposure: return "exposures"
        case .unitTest: return "unit_tests"
        case .metric: return "metrics"
        case .semanticModel: return "semantic-models"
        case .savedQuery: return "saved-queries"
        default: return "models"
        }
    }
}
