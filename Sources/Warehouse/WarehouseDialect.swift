import Foundation

/// Facts about an adapter's SQL, and the few statements whose spelling differs.
///
/// Capabilities are flags and small hooks, not the adapter's name, so a new adapter states what
/// it can do instead of being special-cased.
public struct WarehouseDialect: Sendable {
    /// The identifier quote (`"` for SQLite, PostgreSQL and Redshift).
    public var quoteCharacter: Character
    /// Whether relation names include the database (`"db"."schema"."t"`); SQLite names only
    /// `schema.table`, its schemas being attached database files.
    public var includesDatabase: Bool
    /// Whether DDL (create, drop, rename) is transactional, so a table can be swapped in inside
    /// one transaction.
    public var transactionalDDL: Bool
    /// Whether `create or replace view` exists (PostgreSQL yes; SQLite no: drop, then create).
    public var supportsCreateOrReplaceView: Bool
    /// Whether `merge into` exists (PostgreSQL 15+; not SQLite), else merges are delete+insert.
    public var supportsMerge: Bool

    public init(quoteCharacter: Character = "\"", includesDatabase: Bool, transactionalDDL: Bool,
                supportsCreateOrReplaceView: Bool, supportsMerge: Bool) {
        self.quoteCharacter = quoteCharacter
        self.includesDatabase = includesDatabase
        self.transactionalDDL = transactionalDDL
        self.supportsCreateOrReplaceView = supportsCreateOrReplaceView
        self.supportsMerge = supportsMerge
    }

    /// `name` quoted, with embedded quotes doubled.
    public func quote(_ name: String) -> String {
        let q = String(quoteCharacter)
        return q + name.replacingOccurrences(of: q, with: q + q) + q
    }

    /// The relation's name as SQL: `"schema"."identifier"`, with the database when the dialect
    /// includes it.
    public func render(_ relation: RelationInfo) -> String {
        var parts: [String] = []
        if includesDatabase, let d = relation.database, !d.isEmpty { parts.append(quote(d)) }
        if let s = relation.schema, !s.isEmpty { parts.append(quote(s)) }
        if let i = relation.identifier { parts.append(quote(i)) }
        return parts.joined(separator: ".")
    }
}
