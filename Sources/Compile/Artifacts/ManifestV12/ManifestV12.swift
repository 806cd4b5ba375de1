/// dbt's manifest schema v12 (`target/manifest.json`, written by dbt-core 1.8 to 1.11), as ingot
/// writes it.
///
/// The nested types are output shapes only: they mirror what dbt serializes, field for field,
/// and are built from the internal `Manifest` by `ManifestV12.Document.init(manifest:session:)`.
/// They are never used as ingot's own model (the node model lives in `Nodes/`). Each one writes
/// itself through `JSONWriter`, which keeps encoding of large projects fast and writes `null`
/// for absent values, as dbt does.
///
/// The schema: <https://schemas.getdbt.com/dbt/manifest/v12.json>.
public enum ManifestV12 {
    /// `metadata.dbt_schema_version`.
    public static let schemaVersion = "https://schemas.getdbt.com/dbt/manifest/v12.json"
    /// The dbt version ingot reports (`metadata.dbt_version`): the dbt-core release whose
    /// behaviour it follows.
    public static let dbtVersion = "1.11.0"
}

/// An output type that writes itself as JSON.
protocol ManifestV12Writable {
    /// Writes the value (one JSON value) to `w`.
    func write(to w: inout JSONWriter)
}
