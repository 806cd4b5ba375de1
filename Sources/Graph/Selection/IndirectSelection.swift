/// How tests are pulled in by the nodes they test (dbt's `--indirect-selection`).
public enum IndirectSelection: String, Sendable, Hashable {
    /// A test is selected when any node it depends on is selected (dbt's default).
    case eager
    /// A test is selected only when all the nodes it depends on are selected.
    case cautious
    /// Like cautious, but a parent that is an ancestor of the selection also counts.
    case buildable
    /// Tests are never selected indirectly.
    case empty
}
