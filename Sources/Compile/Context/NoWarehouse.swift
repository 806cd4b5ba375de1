import Warehouse
/// The warehouse of a compile without a connection: every call throws a `CompilationError`
/// (kind `.noWarehouse`) naming the adapter method that needed one.
///
/// ```
/// adapter.get_columns_in_relation needs a warehouse connection; ingot compile runs without one for now
/// ```
public struct NoWarehouse: WarehouseIntrospecting {
    public init() {}

    /// The error for the adapter method `method` (`get_relation`, `execute`, …).
    public static func unavailable(_ method: String) -> CompilationError {
        CompilationError("adapter.\(method) needs a warehouse connection; ingot compile runs without one for now",
                         kind: .noWarehouse)
    }

    public func relation(database: String?, schema: String, identifier: String) throws -> RelationInfo? {
        throw Self.unavailable("get_relation")
    }
    public func columns(in relation: RelationInfo) throws -> [ColumnInfo] {
        throw Self.unavailable("get_columns_in_relation")
    }
    public func relations(database: String?, schema: String) throws -> [RelationInfo] {
        throw Self.unavailable("list_relations_without_caching")
    }
    public func schemaExists(database: String?, schema: String) throws -> Bool {
        throw Self.unavailable("check_schema_exists")
    }
    public func execute(_ sql: String, fetch: Bool) throws -> QueryOutcome {
        throw Self.unavailable("execute")
    }
    public func dropRelation(_ relation: RelationInfo) throws { throw Self.unavailable("drop_relation") }
    public func renameRelation(_ relation: RelationInfo, to target: RelationInfo) throws {
        throw Self.unavailable("rename_relation")
    }
    public func truncateRelation(_ relation: RelationInfo) throws { throw Self.unavailable("truncate_relation") }
    public func createSchema(database: String?, schema: String) throws { throw Self.unavailable("create_schema") }
    public func dropSchema(database: String?, schema: String) throws { throw Self.unavailable("drop_schema") }
}
