import Foundation
import Jinja

/// One flag per part of a relation's dotted name, as dbt's `Policy` (database, schema, identifier).
///
/// Used twice by a relation: which parts are included when it renders, and which of those are
/// quoted.
public struct RelationParts: Sendable, Hashable {
    public var database: Bool
    public var schema: Bool
    public var identifier: Bool

    public init(database: Bool = true, schema: Bool = true, identifier: Bool = true) {
        self.database = database
        self.schema = schema
        self.identifier = identifier
    }

    /// All three parts set.
    public static let all = RelationParts()

    /// The flag for `part` (`"database"`, `"schema"` or `"identifier"`); nil for any other name.
    public subscript(part: String) -> Bool? {
        switch part {
        case "database": return database
        case "schema": return schema
        case "identifier": return identifier
        default: return nil
        }
    }

    /// The flags as a dict value, as `relation.include_policy` shows them.
    var value: Value {
        ["database": .bool(database), "schema": .bool(schema), "identifier": .bool(identifier)]
    }

    /// A copy with the parts named in `dict` (string keys, bool values) replaced.
    func merging(_ dict: DictStorage, what: String) throws -> RelationParts {
        var copy = self
        for (key, value) in dict.items {
            let flag = value.isNone ? nil : value.isTruthy
            switch key.stringValue {
            case "database": if let flag { copy.database = flag }
            case "schema": if let flag { copy.schema = flag }
            case "identifier": if let flag { copy.identifier = flag }
            default: throw CompilationError("\(what) has no part named \(key.pythonRepr)")
            }
        }
        return copy
    }
}

/// How an adapter prints relation names: the quote character, which parts are included by
/// default, and which of those are quoted (dbt's `quote_character`, `include_policy` and
/// `quote_policy` on the adapter's `Relation` class).
///
/// ```swift
/// let users = RelationValue(database: "analytics", schema: "public", identifier: "users",
///                           policy: .postgres)
/// users.rendered   // "analytics"."public"."users"
/// ```
public struct RelationPolicy: Sendable, Hashable {
    /// Wraps quoted parts; a quote inside a name is doubled.
    public var quoteCharacter: Character
    /// Parts printed when present (dbt's `include_policy`).
    public var include: RelationParts
    /// Printed parts that are quoted (dbt's `quote_policy`).
    public var quote: RelationParts

    public init(quoteCharacter: Character = "\"", include: RelationParts = .all, quote: RelationParts = .all) {
        self.quoteCharacter = quoteCharacter
        self.include = include
        self.quote = quote
    }

    /// dbt-postgres: `"database"."schema"."identifier"`.
    public static let postgres = RelationPolicy()
    /// dbt-redshift: as Postgres, `"database"."schema"."identifier"`.
    public static let redshift = RelationPolicy()
    /// dbt-sqlite: the database is left out and only the identifier is quoted: `schema."identifier"`.
    public static let sqlite = RelationPolicy(
        include: RelationParts(database: false),
        quote: RelationParts(database: false, schema: false)
    )

    /// `name` between quote characters, with any quote character inside it doubled.
    public func quoted(_ name: String) -> String {
        let q = String(quoteCharacter)
        return q + name.replacingOccurrences(of: q, with: q + q) + q
    }
}
