/// What the dbt context asks of a warehouse: relations and columns that exist, schemas, and
/// running SQL. `AdapterValue` and `run_query` call it; concrete adapters implement it.
///
/// It speaks plain Swift values, never template values, so adapters need not know Jinja.
/// Every method may throw; `NoWarehouse` throws from all of them, for compiling offline.
public protocol WarehouseIntrospecting: Sendable {
    /// The relation at `database.schema.identifier` as it exists, or nil when there is none
    /// (dbt's `adapter.get_relation`). Names are matched as the warehouse matches them.
    func relation(database: String?, schema: String, identifier: String) throws -> RelationInfo?
    /// The columns of `relation`, in table order (dbt's `get_columns_in_relation`).
    func columns(in relation: RelationInfo) throws -> [ColumnInfo]
    /// Every relation in a schema (dbt's `list_relations_without_caching`).
    func relations(database: String?, schema: String) throws -> [RelationInfo]
    /// Whether a schema exists (dbt's `check_schema_exists`).
    func schemaExists(database: String?, schema: String) throws -> Bool
    /// Runs `sql`; with `fetch` the result rows come back too.
    func execute(_ sql: String, fetch: Bool) throws -> QueryOutcome
    /// `drop … if exists` for the relation (`adapter.drop_relation`).
    func dropRelation(_ relation: RelationInfo) throws
    /// Renames `relation` to the identifier of `target` (`adapter.rename_relation`).
    func renameRelation(_ relation: RelationInfo, to target: RelationInfo) throws
    /// Deletes every row of the relation (`adapter.truncate_relation`).
    func truncateRelation(_ relation: RelationInfo) throws
    /// `create schema if not exists` (`adapter.create_schema`).
    func createSchema(database: String?, schema: String) throws
    /// `drop schema if exists … cascade` (`adapter.drop_schema`).
    func dropSchema(database: String?, schema: String) throws
}
