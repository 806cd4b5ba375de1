import Foundation
import GRDB
import Warehouse

extension SQLiteAdapter {
    // See WarehouseIntrospecting.relation(database:schema:identifier:).
    public func relation(database: String?, schema: String, identifier: String) throws -> RelationInfo? {
        try read(sql: nil) { db in
            try SQLiteIntrospection.relation(schema: schema, identifier: identifier, db: db, adapter: self)
        }
    }

    // See WarehouseIntrospecting.columns(in:).
    public func columns(in relation: RelationInfo) throws -> [Warehouse.ColumnInfo] {
        try read(sql: nil) { db in try SQLiteIntrospection.columns(in: relation, db: db, adapter: self) }
    }

    // See WarehouseIntrospecting.relations(database:schema:).
    public func relations(database: String?, schema: String) throws -> [RelationInfo] {
        try read(sql: nil) { db in try SQLiteIntrospection.relations(schema: schema, db: db, adapter: self) }
    }

    // See WarehouseIntrospecting.schemaExists(database:schema:).
    public func schemaExists(database: String?, schema: String) throws -> Bool {
        try read(sql: nil) { db in try SQLiteIntrospection.attachedName(schema, db: db) != nil }
    }

    // See WarehouseIntrospecting.dropRelation(_:).
    //
    // The statement follows the relation's actual type (`drop view` for a view), whatever
    // `relation.type` says; a relation that does not exist is no error.
    public func dropRelation(_ relation: RelationInfo) throws {
        guard let schema = relation.schema, let identifier = relation.identifier else { return }
        try write(sql: nil) { db in
            guard let existing = try SQLiteIntrospection.relation(schema: schema, identifier: identifier, db: db, adapter: self)
            else { return }
            try self.drop(existing, db: db)
        }
    }

    func drop(_ existing: RelationInfo, db: Database) throws {
        let kind = existing.type == .view ? "view" : "table"
        let sql = "drop \(kind) if exists \(dialect.render(existing))"
        try mapErrors(sql: sql) { try db.execute(sql: sql) }
    }

    // See WarehouseIntrospecting.renameRelation(_:to:).
    //
    // A table is renamed with `alter table "s"."a" rename to "b"`. SQLite cannot rename a view,
    // so a view is recreated from its stored definition under the new name and the old one
    // dropped, in one transaction (or inside the caller's). SQLite cannot move a relation to
    // another schema (another file): `target` must name the same schema.
    public func renameRelation(_ relation: RelationInfo, to target: RelationInfo) throws {
        guard let schema = relation.schema, let identifier = relation.identifier, let newName = target.identifier else {
            throw WarehouseError(.database, "rename_relation needs a schema and an identifier on both relations")
        }
        if let targetSchema = target.schema, targetSchema.lowercased() != schema.lowercased() {
            throw WarehouseError(.database, """
                SQLite cannot move \(dialect.render(relation)) to schema `\(targetSchema)`: each schema is \
                its own database file; rename within `\(schema)` and copy with `create table … as select`
                """)
        }
        try write(sql: nil) { db in
            guard let existing = try SQLiteIntrospection.relation(schema: schema, identifier: identifier, db: db, adapter: self)
            else {
                throw WarehouseError(.database, "cannot rename \(dialect.render(relation)): it does not exist")
            }
            let body = {
                if existing.type == .view {
                    let stored = try SQLiteIntrospection.viewDefinition(schema: existing.schema!, name: existing.identifier!, db: db) ?? ""
                    guard let create = SQLiteIntrospection.renamedViewDefinition(stored, schema: existing.schema!, newName: newName) else {
                        throw WarehouseError(.database, "cannot rename view \(self.dialect.render(existing)): unreadable definition", sql: stored)
                    }
                    try self.drop(existing, db: db)
                    try self.mapErrors(sql: create) { try db.execute(sql: create) }
                } else {
                    let sql = "alter table \(self.dialect.render(existing)) rename to \(self.dialect.quote(newName))"
                    try self.mapErrors(sql: sql) { try db.execute(sql: sql) }
                }
            }
            if db.isInsideTransaction {
                try body()
            } else {
                try db.inTransaction(.immediate) { try body(); return .commit }
            }
        }
    }

    // See WarehouseIntrospecting.truncateRelation(_:).
    public func truncateRelation(_ relation: RelationInfo) throws {
        let sql = "delete from \(dialect.render(relation))"
        try write(sql: sql) { db in try db.execute(sql: sql) }
    }

    // See WarehouseIntrospecting.createSchema(database:schema:).
    //
    // Attaches the schema's file on every connection: its `schemas_and_paths` entry, else
    // `<schema_directory>/<schema>.db`, created (and marked as ingot's with
    // `pragma application_id`) when missing. ATTACH cannot run inside a transaction: call this
    // before ``transaction(_:)``, not from its body.
    public func createSchema(database: String?, schema: String) throws {
        try Self.checkSchemaName(schema)
        if catalog.contains(schema) { return }
        let configured = profile.schemasAndPaths.first { $0.key.lowercased() == schema.lowercased() }
        let path: String
        if let configured {
            path = SQLiteProfile.resolve(configured.value, against: baseDirectory)
        } else if let directory = profile.schemaDirectory {
            let resolved = SQLiteProfile.resolve(directory, against: baseDirectory)
            path = (resolved as NSString).appendingPathComponent(schema + ".db")
        } else {
            throw WarehouseError(.configuration, """
                schema `\(schema)` is not in the profile's `schemas_and_paths`, and the profile has no \
                `schema_directory` to create it in: add one of them
                """)
        }
        try Self.checkFile(path, schema: schema)
        let entry = SQLiteSchemaCatalog.Entry(schema: schema, path: path, configured: configured != nil)
        let created = !FileManager.default.fileExists(atPath: path)
        let q = dialect.quote(schema)
        try write(sql: "attach database '\(path)' as \(q)") { db in
            try Self.attach(entry, on: db, writer: true)
            if created, !entry.configured {
                try db.execute(sql: "pragma \(q).application_id = \(Self.applicationID)")
            }
        }
        catalog.add(entry)
        pool.invalidateReadOnlyConnections()
    }

    // See WarehouseIntrospecting.dropSchema(database:schema:).
    //
    // A schema file ingot created (`pragma application_id` says so) is detached and deleted,
    // with its `-wal` and `-shm` files. Any other schema (`main`, an entry of
    // `schemas_and_paths`, a file someone else put in `schema_directory`) keeps its file: its
    // tables and views are dropped, and it is detached unless it is `main`. Not from inside a
    // transaction (DETACH cannot run there).
    public func dropSchema(database: String?, schema: String) throws {
        guard let name = catalog.canonicalName(schema), name != "temp" else { return }
        let entry = catalog.entry(for: name)
        let q = dialect.quote(name)
        let ours = try write(sql: "pragma \(q).application_id") { db -> Bool in
            try Int32.fetchOne(db, sql: "pragma \(q).application_id") == Self.applicationID && entry?.configured == false
        }
        if !ours {
            try write(sql: nil) { db in
                try db.inTransaction(.immediate) {
                    for relation in try SQLiteIntrospection.relations(schema: name, db: db, adapter: self) {
                        try self.drop(relation, db: db)
                    }
                    return .commit
                }
            }
        }
        guard let entry else { return }
        try write(sql: "detach database \(q)") { db in try db.execute(sql: "detach database \(q)") }
        catalog.remove(schema: name)
        pool.invalidateReadOnlyConnections()
        if ours {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: entry.path + suffix)
            }
        }
    }
}
