import Warehouse
import Jinja

/// A relation as dbt's Jinja sees it (dbt's `BaseRelation`): what `ref()`, `source()`, `this`,
/// `api.Relation.create()` and `adapter.get_relation()` return.
///
/// Printing it (`{{ relation }}`, `relation | string`, `relation.render()`) gives the dotted
/// name of the included parts, quoted as its `RelationPolicy` says. A relation is immutable:
/// `include`, `quote`, `incorporate`, `replace_path` and `without_identifier` return new ones.
/// Two relations are equal when they render the same.
///
/// ```swift
/// let orders = RelationValue(database: "db", schema: "analytics", identifier: "orders",
///                            type: .table, policy: .postgres)
/// orders.rendered                                   // "db"."analytics"."orders"
/// RelationValue.ephemeral("stg_orders").rendered    // __dbt__cte__stg_orders
/// ```
///
/// In templates: `database`, `schema`, `identifier`, `name`, `table`, `type`, `is_table`,
/// `is_view`, `is_cte`, `is_materialized_view`, `path`, `include_policy`, `quote_policy`,
/// `quote_character`, and the methods `include(database=, schema=, identifier=)`,
/// `quote(database=, schema=, identifier=)`, `incorporate(path={…}, type=…)`,
/// `replace_path(…)`, `without_identifier()`, `render()` and `get(key, default)`.
public final class RelationValue: JinjaObject, Hashable, CustomStringConvertible {
    public let database: String?
    public let schema: String?
    public let identifier: String?
    public let type: RelationType?
    /// Quote character and include/quote policies this relation renders with.
    public let policy: RelationPolicy

    /// A relation with the given parts, rendered under `policy`.
    public init(database: String? = nil, schema: String? = nil, identifier: String? = nil,
                type: RelationType? = nil, policy: RelationPolicy = .postgres)
    {
        self.database = database
        self.schema = schema
        self.identifier = identifier
        self.type = type
        self.policy = policy
    }

    /// A relation whose type is given by dbt's name for it (`"table"`, `"view"`, …); an unknown
    /// name gives a relation without a type.
    public convenience init(database: String?, schema: String?, identifier: String?, type typeName: String?,
                            policy: RelationPolicy)
    {
        self.init(database: database, schema: schema, identifier: identifier,
                  type: typeName.flatMap(RelationType.init(rawValue:)), policy: policy)
    }

    /// The relation of an ephemeral model as its callers see it: the CTE named
    /// `__dbt__cte__<name>`, printed bare (dbt's `create_ephemeral_from`).
    public static func ephemeral(_ name: String, policy: RelationPolicy = .postgres) -> RelationValue {
        var p = policy
        p.quote.identifier = false
        return RelationValue(identifier: "__dbt__cte__" + name, type: .cte, policy: p)
    }

    /// The dotted, quoted name: each included part that is set, quoted when its quote flag is
    /// on, joined by dots (dbt's `BaseRelation.render`). Empty when nothing is set.
    public var rendered: String {
        var parts: [String] = []
        let include = policy.include, quote = policy.quote
        if include.database, let database { parts.append(quote.database ? policy.quoted(database) : database) }
        if include.schema, let schema { parts.append(quote.schema ? policy.quoted(schema) : schema) }
        if include.identifier, let identifier { parts.append(quote.identifier ? policy.quoted(identifier) : identifier) }
        return parts.joined(separator: ".")
    }

    /// A copy with some fields replaced; `.some(nil)` clears a part.
    public func replacing(database: String?? = .none, schema: String?? = .none, identifier: String?? = .none,
                          type: RelationType?? = .none, policy: RelationPolicy? = nil) -> RelationValue
    {
        RelationValue(database: database ?? self.database, schema: schema ?? self.schema,
                      identifier: identifier ?? self.identifier, type: type ?? self.type,
                      policy: policy ?? self.policy)
    }

    /// This relation without its identifier, for schema-level operations (dbt's
    /// `without_identifier`).
    public func withoutIdentifier() -> RelationValue {
        var p = policy
        p.include.identifier = false
        return replacing(identifier: .some(nil), policy: p)
    }

    // MARK: - Equality by rendered name

    public static func == (lhs: RelationValue, rhs: RelationValue) -> Bool { lhs.rendered == rhs.rendered }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered) }
    public var description: String { rendered }

    // MARK: - JinjaObject

    public var typeName: String { "BaseRelation" }
    public var stringValue: String { rendered }
    public var reprValue: String { "<\(typeName) \(rendered)>" }

    public func attribute(_ name: String) throws -> Value? {
        switch name {
        case "database": return database.map(Value.string) ?? Value.none
        case "schema": return schema.map(Value.string) ?? Value.none
        case "identifier", "name", "table": return identifier.map(Value.string) ?? Value.none
        case "type": return type.map { .string($0.rawValue) } ?? Value.none
        case "is_table": return .bool(type == .table)
        case "is_view": return .bool(type == .view)
        case "is_cte": return .bool(type == .cte)
        case "is_materialized_view": return .bool(type == .materializedView)
        case "is_pointer": return .bool(type == .pointerTable)
        case "path":
            return ["database": database.map(Value.string) ?? Value.none, "schema": schema.map(Value.string) ?? Value.none,
                    "identifier": identifier.map(Value.string) ?? Value.none]
        case "include_policy": return policy.include.value
        case "quote_policy": return policy.quote.value
        case "quote_character": return .string(String(policy.quoteCharacter))
        case "limit", "event_time_filter": return Value.none
        case "dbt_created", "can_be_renamed", "can_be_replaced": return .bool(false)
        case "Table": return .string(RelationType.table.rawValue)
        case "View": return .string(RelationType.view.rawValue)
        case "CTE": return .string(RelationType.cte.rawValue)
        case "MaterializedView": return .string(RelationType.materializedView.rawValue)
        case "External": return .string(RelationType.external.rawValue)
        case "PointerTable": return .string(RelationType.pointerTable.rawValue)
        default: return nil
        }
    }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "render":
            _ = try arguments.bind("render", [])
            return .string(rendered)
        case "include", "quote":
            let b = try arguments.bind(name, ["database", "schema", "identifier"])
            var parts = name == "include" ? policy.include : policy.quote
            if let v = ContextArguments.optionalBool(b[0]) { parts.database = v }
            if let v = ContextArguments.optionalBool(b[1]) { parts.schema = v }
            if let v = ContextArguments.optionalBool(b[2]) { parts.identifier = v }
            var p = policy
            if name == "include" { p.include = parts } else { p.quote = parts }
            return .object(replacing(policy: p))
        case "incorporate":
            return .object(try incorporate(arguments))
        case "replace_path":
            let b = try arguments.bind("replace_path", ["database", "schema", "identifier"])
            return .object(replacing(database: b[0].map(ContextArguments.optionalString),
                                     schema: b[1].map(ContextArguments.optionalString),
                                     identifier: b[2].map(ContextArguments.optionalString)))
        case "without_identifier":
            _ = try arguments.bind("without_identifier", [])
            return .object(withoutIdentifier())
        case "get":
            let b = try arguments.bind("get", ["key", "default"], required: 1)
            let key = try ContextArguments.string(b[0], "get", "key")
            if key == "metadata" { return ["type": .string(typeName)] }
            return try attribute(key) ?? b[1] ?? Value.none
        default:
            return nil
        }
    }

    /// `incorporate(path={…}, type=…, include_policy={…}, quote_policy={…})`: a copy with the
    /// given fields merged in; a part set to none in `path` is cleared.
    private func incorporate(_ arguments: Arguments) throws -> RelationValue {
        let b = try arguments.bind("incorporate", ["path", "type", "include_policy", "quote_policy"])
        var database = self.database, schema = self.schema, identifier = self.identifier
        var type = self.type
        var p = policy
        if let path = b[0], !path.isNone, !path.isUndefined {
            guard case .dict(let d) = path else { throw CompilationError("incorporate(): 'path' must be a dict") }
            for (key, value) in d.items {
                let part = ContextArguments.optionalString(value)
                switch key.stringValue {
                case "database": database = part
                case "schema": schema = part
                case "identifier": identifier = part
                default: throw CompilationError("incorporate(): a relation's path has no part \(key.pythonRepr)")
                }
            }
        }
        if let t = b[1], !t.isUndefined {
            type = try RelationValue.relationType(t)
        }
        if case .dict(let d)? = b[2] { p.include = try p.include.merging(d, what: "include_policy") }
        if case .dict(let d)? = b[3] { p.quote = try p.quote.merging(d, what: "quote_policy") }
        return RelationValue(database: database, schema: schema, identifier: identifier, type: type, policy: p)
    }

    /// A relation type from a template value: none, or one of dbt's type names.
    static func relationType(_ value: Value?) throws -> RelationType? {
        guard let s = ContextArguments.optionalString(value) else { return nil }
        guard let t = RelationType(rawValue: s) else {
            let names = RelationType.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw CompilationError("'\(s)' is not a relation type (expected one of \(names))")
        }
        return t
    }
}
