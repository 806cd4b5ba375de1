extension ManifestV12 {
    /// `metadata`: who wrote the manifest, when, and for which project and adapter.
    struct Metadata: ManifestV12Writable {
        var dbtVersion: String = ManifestV12.dbtVersion
        /// ISO 8601 with microseconds and `Z`.
        var generatedAt: String
        var invocationID: String
        var invocationStartedAt: String
        /// `DBT_ENV_CUSTOM_ENV_*` variables, without the prefix.
        var env: [(String, String)]
        var projectName: String
        /// MD5 of the project name.
        var projectID: String
        var adapterType: String
        /// The adapter's quote policy (`database`, `schema`, `identifier`).
        var quoting: (database: Bool, schema: Bool, identifier: Bool)
        var runStartedAt: String

        func write(to w: inout JSONWriter) {
            w.objectStart()
            w.key("dbt_schema_version"); w.string(ManifestV12.schemaVersion)
            w.key("dbt_version"); w.string(dbtVersion)
            w.key("generated_at"); w.string(generatedAt)
            w.key("invocation_id"); w.string(invocationID)
            w.key("invocation_started_at"); w.string(invocationStartedAt)
            w.key("env")
            w.objectStart()
            for (k, v) in env { w.key(k); w.string(v) }
            w.objectEnd()
            w.key("project_name"); w.string(projectName)
            w.key("project_id"); w.string(projectID)
            w.key("user_id"); w.null()
            w.key("send_anonymous_usage_stats"); w.bool(false)
            w.key("adapter_type"); w.string(adapterType)
            w.key("quoting")
            w.objectStart()
            w.key("database"); w.bool(quoting.database)
            w.key("schema"); w.bool(quoting.schema)
            w.key("identifier"); w.bool(quoting.identifier)
            w.key("column"); w.null()
            w.objectEnd()
            w.key("run_started_at"); w.string(runStartedAt)
            w.objectEnd()
        }
    }
}
