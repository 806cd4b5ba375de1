/// The resource a generic test in properties YAML is attached to.
public enum TestTarget: Sendable, Hashable {
    /// A model, with the version when the test sits under `versions:`.
    case model(name: String, version: String?)
    /// A seed.
    case seed(name: String)
    /// A snapshot.
    case snapshot(name: String)
    /// A source table.
    case source(sourceName: String, tableName: String)

    /// The name dbt uses for the target in test names (`stg_orders`, `source_table` for sources).
    public var name: String {
        switch self {
        case .model(let n, _), .seed(let n), .snapshot(let n): return n
        case .source(let s, let t): return "\(s)_\(t)"
        }
    }
}
