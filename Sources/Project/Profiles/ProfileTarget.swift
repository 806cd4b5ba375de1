/// One output of a profile: the adapter type and every other setting, whatever the adapter.
///
/// Settings stay a dictionary so targets for adapters ingot has not built yet (duckdb,
/// snowflake, …) load and can be shown by `ingot debug`.
public struct ProfileTarget: Sendable {
    /// The target's name (`dev`).
    public var name: String
    /// `type` (`sqlite`, `postgres`, `redshift`, `duckdb`, …).
    public var type: String
    /// `threads` (dbt's default is 1).
    public var threads: Int
    /// Every key except `type` and `threads`, rendered, in file order.
    public var settings: ConfigMap
    /// Where the output is defined.
    public var location: SourceLocation

    /// Creates a target.
    public init(name: String, type: String, threads: Int, settings: ConfigMap, location: SourceLocation) {
        self.name = name
        self.type = type
        self.threads = threads
        self.settings = settings
        self.location = location
    }

    /// A setting as text (`host`, `schema`, `dbname`, …).
    public func string(_ key: String) -> String? { settings[key]?.scalarText }
}
