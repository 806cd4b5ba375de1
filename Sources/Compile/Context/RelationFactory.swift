import Jinja

/// `api.Relation` (and `adapter.Relation`): builds relations under the adapter's policy.
///
/// `api.Relation.create(database=, schema=, identifier=, type=, include_policy=, quote_policy=)`;
/// the type names are attributes as in dbt (`api.Relation.Table` is `'table'`).
public final class RelationFactory: JinjaObject {
    public let policy: RelationPolicy

    public init(policy: RelationPolicy) { self.policy = policy }

    public var typeName: String { "type" }
    public var stringValue: String { "<class 'BaseRelation'>" }

    public func attribute(_ name: String) throws -> Value? {
        switch name {
        case "Table", "View", "CTE", "MaterializedView", "External", "PointerTable":
            return try RelationValue(policy: policy).attribute(name)
        default: return nil
        }
    }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        guard name == "create" else { return nil }
        let b = try arguments.bind("create", ["database", "schema", "identifier", "type", "include_policy", "quote_policy"])
        var p = policy
        if case .dict(let d)? = b[4] { p.include = try p.include.merging(d, what: "include_policy") }
        if case .dict(let d)? = b[5] { p.quote = try p.quote.merging(d, what: "quote_policy") }
        let relation = RelationValue(database: ContextArguments.optionalString(b[0]),
                                     schema: ContextArguments.optionalString(b[1]),
                                     identifier: ContextArguments.optionalString(b[2]),
                                     type: try RelationValue.relationType(b[3]), policy: p)
        return .object(relation)
    }
}
