/// A pre- or post-hook: SQL (unrendered Jinja) and whether it runs inside the model's transaction.
public struct Hook: Sendable, Hashable {
    /// The hook's SQL template.
    public var sql: String
    /// `transaction` (true unless the hook was written as `{sql: …, transaction: false}`).
    public var transaction: Bool

    /// Creates a hook.
    public init(sql: String, transaction: Bool = true) {
        self.sql = sql
        self.transaction = transaction
    }

    /// Reads a hook as written: a string, or a mapping with `sql` and `transaction`.
    public init?(_ value: ConfigValue) {
        switch value {
        case .string(let s): self.init(sql: s)
        case .map(let m):
            guard let sql = m["sql"]?.stringValue else { return nil }
            self.init(sql: sql, transaction: m["transaction"]?.boolValue ?? true)
        default: return nil
        }
    }
}
