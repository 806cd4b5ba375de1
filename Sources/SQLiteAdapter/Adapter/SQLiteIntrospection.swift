import Foundation
import GRDB
import Warehouse

/// Catalog queries on one connection: `pragma database_list`, `<schema>.sqlite_master` and
/// `pragma <schema>.table_info`. Names match without case, as SQLite matches them.
enum SQLiteIntrospection {
    /// The schemas the connection sees (`main`, `temp`, attached), as spelled when attached.
    static func schemas(db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "select name from pragma_database_list")
    }

    /// `schema` as the connection spells it, or nil when it is not attached.
    static func attachedName(_ schema: String, db: Database) throws -> String? {
        try schemas(db: db).first { $0.lowercased() == schema.lowercased() }
    }

    static func relation(schema: String, identifier: String, db: Database, adapter: SQLiteAdapter) throws -> RelationInfo? {
        guard let schema = try attachedName(schema, db: db) else { return nil }
        let master = schema.lowercased() == "temp" ? "sqlite_temp_master" : "sqlite_master"
        let sql = """
            select name, type from \(WarehouseDialect.sqlite.quote(schema)).\(master)
            where type in ('table', 'view') and name = ? collate nocase
            """
        guard let row = try Row.fetchOne(db, sql: sql, arguments: [identifier]) else { return nil }
        return RelationInfo(database: adapter.profile.database, schema: schema, identifier: row["name"],
                            type: relationType(row["type"]))
    }

    static func relations(schema: String, db: Database, adapter: SQLiteAdapter) throws -> [RelationInfo] {
        guard let schema = try attachedName(schema, db: db) else { return [] }
        let master = schema.lowercased() == "temp" ? "sqlite_temp_master" : "sqlite_master"
        let sql = """
            select name, type from \(WarehouseDialect.sqlite.quote(schema)).\(master)
            where type in ('table', 'view') and name not like 'sqlite\\_%' escape '\\' order by name
            """
        return try Row.fetchAll(db, sql: sql).map {
            RelationInfo(database: adapter.profile.database, schema: schema, identifier: $0["name"],
                         type: relationType($0["type"]))
        }
    }

    static func columns(in relation: RelationInfo, db: Database, adapter: SQLiteAdapter) throws -> [Warehouse.ColumnInfo] {
        guard let identifier = relation.identifier,
              let schema = try attachedName(relation.schema ?? "main", db: db) else { return [] }
        let q = WarehouseDialect.sqlite.quote
        let rows = try Row.fetchAll(db, sql: "pragma \(q(schema)).table_info(\(q(identifier)))")
        return rows.map { column(name: $0["name"], declaredType: $0["type"] ?? "") }
    }

    /// A declared type, lower-cased, split as dbt's `Column` stores it: `varchar(20)` → `varchar` with
    /// `charSize: 20`, `numeric(10,2)` → `numeric` with precision 10 and scale 2. A column
    /// without a declared type (a view's expression) has an empty `dataType`.
    static func column(name: String, declaredType: String) -> Warehouse.ColumnInfo {
        let declared = declaredType.trimmingCharacters(in: .whitespaces).lowercased()
        guard let open = declared.firstIndex(of: "("), declared.hasSuffix(")") else {
            return Warehouse.ColumnInfo(name: name, dataType: declared)
        }
        let base = declared[..<open].trimmingCharacters(in: .whitespaces)
        let sizes = declared[declared.index(after: open)..<declared.index(before: declared.endIndex)]
            .split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        let lower = base
        if lower.contains("char") || lower.contains("text") || lower.contains("clob") {
            return Warehouse.ColumnInfo(name: name, dataType: base, charSize: sizes.first ?? nil)
        }
        if lower.contains("numeric") || lower.contains("decimal") {
            return Warehouse.ColumnInfo(name: name, dataType: base, numericPrecision: sizes.first ?? nil,
                              numericScale: sizes.count > 1 ? sizes[1] : nil)
        }
        return Warehouse.ColumnInfo(name: name, dataType: declared)
    }

    static func relationType(_ type: String?) -> RelationType? {
        switch type {
        case "table": .table
        case "view": .view
        default: nil
        }
    }

    /// The `create view` statement that made `view`, as SQLite stored it.
    static func viewDefinition(schema: String, name: String, db: Database) throws -> String? {
        try String.fetchOne(db, sql: """
            select sql from \(WarehouseDialect.sqlite.quote(schema)).sqlite_master
            where type = 'view' and name = ? collate nocase
            """, arguments: [name])
    }

    /// A stored `CREATE VIEW name …` statement with the name replaced by `newName` (quoted,
    /// schema-qualified). SQLite stores the statement with its schema qualifier, `TEMP` and
    /// `IF NOT EXISTS` removed, so the name follows `CREATE VIEW ` directly.
    static func renamedViewDefinition(_ definition: String, schema: String, newName: String) -> String? {
        var rest = Substring(definition).drop { $0.isWhitespace }
        for keyword in ["create", "view"] {
            guard rest.lowercased().hasPrefix(keyword) else { return nil }
            rest = rest.dropFirst(keyword.count).drop { $0.isWhitespace }
        }
        // Skip the old name: a quoted identifier ("…", `…`, […]) or a bare word.
        guard let first = rest.first else { return nil }
        let closing: Character? = first == "\"" ? "\"" : first == "`" ? "`" : first == "[" ? "]" : nil
        if let closing {
            var i = rest.index(after: rest.startIndex)
            while i < rest.endIndex {
                if rest[i] == closing {
                    let next = rest.index(after: i)
                    if closing != "]", next < rest.endIndex, rest[next] == closing { i = rest.index(after: next); continue }
                    rest = rest[next...]
                    break
                }
                i = rest.index(after: i)
            }
        } else {
            rest = rest.drop { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
        }
        let q = WarehouseDialect.sqlite.quote
        return "create view \(q(schema)).\(q(newName))" + rest
    }
}
