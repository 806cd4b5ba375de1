import Warehouse
import Jinja

/// The `adapter` object of dbt's Jinja context.
///
/// `adapter.dispatch` goes to a `MacroDispatching`; everything that touches the warehouse goes
/// to a `WarehouseIntrospecting`. While parsing (`execute` is false) the warehouse is never
/// called and the methods return dbt's parse-time placeholders: `get_relation` gives none,
/// `get_columns_in_relation`, `get_missing_columns` and `list_relations_without_caching` give
/// `[]`, `check_schema_exists` and `already_exists` give false, `execute` gives an empty
/// response and table, and the DDL methods do nothing.
///
/// ```swift
/// let adapter = AdapterValue(policy: .postgres, adapterType: "postgres", isParsing: false,
///                            dispatcher: dispatcher, warehouse: NoWarehouse())
/// context["adapter"] = .object(adapter)
/// ```
///
/// Methods: `dispatch(macro_name, macro_namespace=None)`, `quote(identifier)`,
/// `quote_as_configured(identifier, quote_key)`, `quote_seed_column(column, quote_config)`,
/// `type()`, `get_relation(database, schema, identifier)`, `get_columns_in_relation(relation)`,
/// `list_relations_without_caching(schema_relation)`, `check_schema_exists(database, schema)`,
/// `already_exists(schema, name)`, `get_missing_columns(from_relation, to_relation)`,
/// `expand_target_column_types(from_relation, to_relation)`, `drop_relation(relation)`,
/// `rename_relation(from_relation, to_relation)`, `truncate_relation(relation)`,
/// `create_schema(relation)`, `drop_schema(relation)`,
/// `execute(sql, auto_begin=False, fetch=False, limit=None)`, `cache_added/dropped/renamed`.
/// Attributes: `Relation` and `Column` (as `api.Relation`, `api.Column`).
public final class AdapterValue: JinjaObject {
    public let policy: RelationPolicy
    /// The adapter's name (`postgres`, `redshift`, `sqlite`), as `adapter.type()` returns it.
    public let adapterType: String
    public let isParsing: Bool
    public let dispatcher: any MacroDispatching
    public let warehouse: any WarehouseIntrospecting
    /// The target's database, used where dbt uses the profile's (`already_exists`).
    public let database: String?

    public init(policy: RelationPolicy, adapterType: String, isParsing: Bool, dispatcher: any MacroDispatching,
                warehouse: any WarehouseIntrospecting, database: String? = nil)
    {
        self.policy = policy
        self.adapterType = adapterType
        self.isParsing = isParsing
        self.dispatcher = dispatcher
        self.warehouse = warehouse
        self.database = database
    }

    public var typeName: String { "BaseAdapter" }
    public var stringValue: String { "<\(adapterType) adapter>" }

    public func attribute(_ name: String) throws -> Value? {
        switch name {
        case "Relation": return .object(RelationFactory(policy: policy))
        case "Column": return .object(ColumnFactory())
        default: return nil
        }
    }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "dispatch":
            let b = try arguments.bind("dispatch", ["macro_name", "macro_namespace", "packages"], required: 1)
            let macro = try ContextArguments.string(b[0], "dispatch", "macro_name")
            if macro.contains(".") {
                let parts = macro.split(separator: ".", maxSplits: 1)
                throw CompilationError("In adapter.dispatch, got a macro name of \"\(macro)\", but \".\" is not a valid macro name component. Did you mean `adapter.dispatch(\"\(parts.last!)\", macro_namespace=\"\(parts.first!)\")`?")
            }
            return try dispatcher.dispatch(macro, namespace: ContextArguments.optionalString(b[1]), state: state)
        case "quote":
            let b = try arguments.bind("quote", ["identifier"], required: 1)
            return .string(policy.quoted(try ContextArguments.string(b[0], "quote", "identifier")))
        case "quote_as_configured":
            let b = try arguments.bind("quote_as_configured", ["identifier", "quote_key"], required: 2)
            let identifier = try ContextArguments.string(b[0], name, "identifier")
            let key = try ContextArguments.string(b[1], name, "quote_key")
            return .string(policy.quote[key] == true ? policy.quoted(identifier) : identifier)
        case "quote_seed_column":
            let b = try arguments.bind(name, ["column", "quote_config"], required: 1)
            let column = try ContextArguments.string(b[0], name, "column")
            return .string(ContextArguments.optionalBool(b[1]) == false ? column : policy.quoted(column))
        case "type":
            _ = try arguments.bind("type", [])
            return .string(adapterType)
        case "cache_added", "cache_dropped", "cache_renamed":
            return .string("")
        default:
            return try warehouseMethod(name, arguments)
        }
    }

    /// The methods that need the warehouse, or their placeholders while parsing.
    private func warehouseMethod(_ name: String, _ arguments: Arguments) throws -> Value? {
        switch name {
        case "get_relation":
            let b = try arguments.bind(name, ["database", "schema", "identifier"], required: 3)
            if isParsing { return Value.none }
            let schema = try ContextArguments.string(b[1], name, "schema")
            let identifier = try ContextArguments.string(b[2], name, "identifier")
            let found = try warehouse.relation(database: ContextArguments.optionalString(b[0]), schema: schema,
                                               identifier: identifier)
            return found.map { .object(RelationValue($0, policy: policy)) } ?? Value.none
        case "get_columns_in_relation":
            let b = try arguments.bind(name, ["relation"], required: 1)
            if isParsing { return .list([]) }
            let relation = try ContextArguments.relation(b[0], name, "relation")
            return .list(try warehouse.columns(in: relation.info).map { .object(ColumnValue($0)) })
        case "get_missing_columns":
            let b = try arguments.bind(name, ["from_relation", "to_relation"], required: 2)
            if isParsing { return .list([]) }
            let from = try ContextArguments.relation(b[0], name, "from_relation")
            let to = try ContextArguments.relation(b[1], name, "to_relation")
            let present = Set(try warehouse.columns(in: to.info).map(\.name))
            return .list(try warehouse.columns(in: from.info).filter { !present.contains($0.name) }
                .map { .object(ColumnValue($0)) })
        case "list_relations_without_caching":
            let b = try arguments.bind(name, ["schema_relation"], required: 1)
            if isParsing { return .list([]) }
            let relation = try ContextArguments.relation(b[0], name, "schema_relation")
            let schema = try ContextArguments.string(relation.schema.map(Value.string), name, "schema_relation.schema")
            return .list(try warehouse.relations(database: relation.database, schema: schema)
                .map { .object(RelationValue($0, policy: policy)) })
        case "check_schema_exists":
            let b = try arguments.bind(name, ["database", "schema"], required: 2)
            if isParsing { return .bool(false) }
            let schema = try ContextArguments.string(b[1], name, "schema")
            return .bool(try warehouse.schemaExists(database: ContextArguments.optionalString(b[0]), schema: schema))
        case "already_exists":
            let b = try arguments.bind(name, ["schema", "name"], required: 2)
            if isParsing { return .bool(false) }
            let schema = try ContextArguments.string(b[0], name, "schema")
            let identifier = try ContextArguments.string(b[1], name, "name")
            return .bool(try warehouse.relation(database: database, schema: schema, identifier: identifier) != nil)
        case "expand_target_column_types":
            _ = try arguments.bind(name, ["from_relation", "to_relation"], required: 2)
            return Value.none
        case "drop_relation", "truncate_relation":
            let b = try arguments.bind(name, ["relation"], required: 1)
            if isParsing { return Value.none }
            let relation = try ContextArguments.relation(b[0], name, "relation")
            if name == "drop_relation" {
                try warehouse.dropRelation(relation.info)
            } else {
                try warehouse.truncateRelation(relation.info)
            }
            return Value.none
        case "rename_relation":
            let b = try arguments.bind(name, ["from_relation", "to_relation"], required: 2)
            if isParsing { return Value.none }
            let from = try ContextArguments.relation(b[0], name, "from_relation")
            let to = try ContextArguments.relation(b[1], name, "to_relation")
            try warehouse.renameRelation(from.info, to: to.info)
            return Value.none
        case "create_schema", "drop_schema":
            let b = try arguments.bind(name, ["relation"], required: 1)
            if isParsing { return Value.none }
            let relation = try ContextArguments.relation(b[0], name, "relation")
            let schema = try ContextArguments.string(relation.schema.map(Value.string), name, "relation.schema")
            if name == "create_schema" {
                try warehouse.createSchema(database: relation.database, schema: schema)
            } else {
                try warehouse.dropSchema(database: relation.database, schema: schema)
            }
            return Value.none
        case "execute":
            let b = try arguments.bind(name, ["sql", "auto_begin", "fetch", "limit"], required: 1)
            if isParsing {
                return .tuple([.object(AdapterResponseValue(message: "")), .object(QueryResultValue.empty)])
            }
            let sql = try ContextArguments.string(b[0], name, "sql")
            let fetch = ContextArguments.optionalBool(b[2]) ?? false
            let outcome = try warehouse.execute(sql, fetch: fetch)
            var table = fetch ? QueryResultValue(outcome) : QueryResultValue.empty
            if let limit = b[3]?.intValue, table.rows.count > limit {
                table = QueryResultValue(columnNames: table.columnNames, rows: Array(table.rows.prefix(limit)))
            }
            let response = AdapterResponseValue(message: outcome.message, code: outcome.code,
                                                rowsAffected: outcome.rowsAffected)
            return .tuple([.object(response), .object(table)])
        default:
            return nil
        }
    }
}
