/// One `dispatch:` entry of `dbt_project.yml`: where `adapter.dispatch` looks for a namespace's macros.
public struct DispatchEntry: Sendable, Hashable {
    /// The `macro_namespace` (e.g. `dbt_utils`).
    public var macroNamespace: String
    /// The `search_order` of package names.
    public var searchOrder: [String]

    /// Creates an entry.
    public init(macroNamespace: String, searchOrder: [String]) {
        self.macroNamespace = macroNamespace
        self.searchOrder = searchOrder
    }
}
