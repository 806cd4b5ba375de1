import Compile
import Foundation
import Project
import Warehouse

/// Builds models in the warehouse: views, tables and incremental models, each inside one
/// transaction, so a failure leaves the previous relation as it was.
///
/// The SQL follows dbt's default materializations; everything adapter-specific comes from the
/// adapter's dialect and introspection.
struct Materializer {
    let adapter: any WarehouseAdapter
    var dialect: WarehouseDialect { adapter.dialect }

    /// What a build did, for the progress line.
    struct Outcome {
        var message: String
        var rows: Int?
    }

    func relation(of node: ManifestNode) -> RelationInfo {
        RelationInfo(database: node.database, schema: node.schema, identifier: node.alias)
    }

    private func suffixed(_ r: RelationInfo, _ suffix: String) -> RelationInfo {
        RelationInfo(database: r.database, schema: r.schema, identifier: (r.identifier ?? "") + suffix)
    }

    /// The statement that removes whatever is at `relation` now (a table or a view).
    private func dropExisting(_ relation: RelationInfo, on c: any WarehouseConnection) throws {
        guard let existing = try c.relation(database: relation.database, schema: relation.schema ?? "",
                                            identifier: relation.identifier ?? "") else { return }
        let kind = existing.type == .view ? "view" : "table"
        try c.execute("drop \(kind) if exists \(dialect.render(relation))", fetch: false)
    }

    // MARK: - View

    func view(_ node: ManifestNode, sql: String, hooks: Hooks) throws -> Outcome {
        let target = relation(of: node)
        return try adapter.transaction { c in
            try hooks.pre(c)
            try dropExisting(target, on: c)
            let create = "create view \(dialect.render(target)) as \n\(sql)"
            try c.execute(create, fetch: false)
            // Some warehouses (SQLite) accept a view over tables that don't exist; reading it
            // once makes a broken view fail here, inside the transaction, as it would elsewhere.
            do {
                try c.execute("select * from \(dialect.render(target)) limit 0", fetch: false)
            } catch var error as WarehouseError {
                error.sql = create
                throw error
            }
            try hooks.post(c)
            return Outcome(message: "OK", rows: nil)
        }
    }

    // MARK: - Table

    func table(_ node: ManifestNode, sql: String, hooks: Hooks) throws -> Outcome {
        let target = relation(of: node)
        let staging = suffixed(target, "__dbt_tmp")
        return try adapter.transaction { c in
            try hooks.pre(c)
            try c.execute("drop table if exists \(dialect.render(staging))", fetch: false)
            try createTable(staging, for: node, sql: sql, on: c)
            let rows = try count(staging, on: c)
            try dropExisting(target, on: c)
            try c.execute("alter table \(dialect.render(staging)) rename to \(dialect.quote(target.identifier ?? ""))", fetch: false)
            try hooks.post(c)
            return Outcome(message: "SELECT \(rows)", rows: rows)
        }
    }

    /// `create table … as` the query; with an enforced contract, first checks the query's
    /// columns against it, then creates the table with the declared types and constraints and
    /// inserts the rows.
    private func createTable(_ relation: RelationInfo, for node: ManifestNode, sql: String,
                             on c: any WarehouseConnection) throws {
        guard node.config.contractEnforced else {
            try c.execute("create table \(dialect.render(relation)) as \n\(sql)", fetch: false)
            return
        }
        let contract = ContractCheck(dialect: dialect)
        let declared = try contract.declaredColumns(of: node)
        try c.execute("create table \(dialect.render(relation)) as select * from (\n\(sql)\n) dbt_contract limit 0", fetch: false)
        let actual = try c.columns(in: relation)
        try c.execute("drop table \(dialect.render(relation))", fetch: false)
        try contract.verify(node, declared: declared, actual: actual)
        try c.execute(contract.createTable(relation, declared, modelConstraints: []), fetch: false)
        let list = declared.map { dialect.quote($0.name) }.joined(separator: ", ")
        try c.execute("insert into \(dialect.render(relation)) (\(list))\nselect \(list) from (\n\(sql)\n) dbt_contract", fetch: false)
    }

    private func count(_ relation: RelationInfo, on c: any WarehouseConnection) throws -> Int {
        let result = try c.execute("select count(*) from \(dialect.render(relation))", fetch: true)
        if case .int(let n)? = result.rows.first?.first { return n }
        return 0
    }

    // MARK: - Incremental

    /// Whether the model runs incrementally: its relation exists as a table and neither
    /// `--full-refresh` nor `full_refresh: true` forces a rebuild (`full_refresh: false` wins
    /// over the flag, as in dbt).
    func isIncremental(_ node: ManifestNode, fullRefresh: Bool) throws -> Bool {
        guard node.materialized == "incremental" else { return false }
        let refresh = node.config.fullRefresh ?? fullRefresh
        if refresh { return false }
        let target = relation(of: node)
        guard let existing = try adapter.relation(database: target.database, schema: target.schema ?? "",
                                                  identifier: target.identifier ?? "") else { return false }
        return existing.type != .view
    }

    func incremental(_ node: ManifestNode, sql: String, isIncremental: Bool, hooks: Hooks) throws -> Outcome {
        guard isIncremental else { return try table(node, sql: sql, hooks: hooks) }
        let target = relation(of: node)
        let staging = suffixed(target, "__dbt_tmp")
        let config = node.config
        let strategy = config.incrementalStrategy ?? "default"
        let uniqueKey = config.uniqueKey ?? []
        return try adapter.transaction { c in
            try hooks.pre(c)
            try c.execute("drop table if exists \(dialect.render(staging))", fetch: false)
            try c.execute("create table \(dialect.render(staging)) as \n\(sql)", fetch: false)
            let columns = try reconcileColumns(node, target: target, staging: staging, on: c)
            let list = columns.map(dialect.quote).joined(separator: ", ")
            let predicates = (config.values["incremental_predicates"]?.stringList ?? [])
            var rows = 0
            switch strategy {
            case "append":
                rows = try insert(into: target, from: staging, columns: list, on: c)
            case "delete+insert", "merge", "default":
                if !uniqueKey.isEmpty {
                    try deleteMatching(target, staging: staging, keys: uniqueKey, predicates: predicates, on: c)
                } else if strategy == "merge" || strategy == "delete+insert" {
                    // Without a unique key dbt's merge and delete+insert only insert.
                }
                rows = try insert(into: target, from: staging, columns: list, on: c)
            case "insert_overwrite":
                let partitions = config.values["partition_by"].flatMap { v -> [String]? in
                    if let m = v.mapValue, let f = m["field"]?.stringValue { return [f] }
                    return v.stringList
                } ?? []
                if partitions.isEmpty {
                    try c.execute("delete from \(dialect.render(target))", fetch: false)
                } else {
                    try deleteMatching(target, staging: staging, keys: partitions, predicates: predicates, on: c)
                }
                rows = try insert(into: target, from: staging, columns: list, on: c)
            default:
                throw WarehouseError(.configuration,
                                     "Invalid incremental strategy '\(strategy)' for model \(node.name): expected append, delete+insert, merge or insert_overwrite")
            }
            try c.execute("drop table if exists \(dialect.render(staging))", fetch: false)
            try hooks.post(c)
            return Outcome(message: "INSERT \(rows)", rows: rows)
        }
    }

    private func insert(into target: RelationInfo, from staging: RelationInfo, columns: String,
                        on c: any WarehouseConnection) throws -> Int {
        try c.execute("insert into \(dialect.render(target)) (\(columns))\nselect \(columns) from \(dialect.render(staging))", fetch: false)
        return try count(staging, on: c)
    }

    private func deleteMatching(_ target: RelationInfo, staging: RelationInfo, keys: [String], predicates: [String],
                                on c: any WarehouseConnection) throws {
        let t = dialect.render(target)
        let s = dialect.render(staging)
        var condition: String
        if keys.count == 1 {
            condition = "\(keys[0]) in (select \(keys[0]) from \(s))"
        } else {
            let matches = keys.map { "\(s).\($0) = \(t).\($0)" }.joined(separator: " and ")
            condition = "exists (select 1 from \(s) where \(matches))"
        }
        for p in predicates { condition += " and (\(p))" }
        try c.execute("delete from \(t)\nwhere \(condition)", fetch: false)
    }

    /// Applies `on_schema_change` and returns the columns to insert.
    private func reconcileColumns(_ node: ManifestNode, target: RelationInfo, staging: RelationInfo,
                                  on c: any WarehouseConnection) throws -> [String] {
        let existing = try c.columns(in: target)
        let incoming = try c.columns(in: staging)
        let existingNames = existing.map { $0.name.lowercased() }
        let incomingNames = incoming.map { $0.name.lowercased() }
        let added = incoming.filter { !existingNames.contains($0.name.lowercased()) }
        let removed = existing.filter { !incomingNames.contains($0.name.lowercased()) }
        let mode = node.config.onSchemaChange ?? "ignore"
        if added.isEmpty && removed.isEmpty {
            return incoming.map(\.name)
        }
        switch mode {
        case "fail":
            throw WarehouseError(.configuration, """
                The source and target schemas on this incremental model are out of sync!
                  They can be reconciled in several ways:
                    - set the `on_schema_change` config to either append_new_columns or sync_all_columns, depending on your situation.
                    - Re-run the incremental model with `full_refresh: True` to update the target schema.
                    - update the schema manually and re-run the process.
                  Added columns: \(added.map(\.name).joined(separator: ", "))
                  Removed columns: \(removed.map(\.name).joined(separator: ", "))
                """)
        case "append_new_columns":
            for col in added {
                try c.execute("alter table \(dialect.render(target)) add column \(dialect.quote(col.name)) \(col.dataType)", fetch: false)
            }
            return incoming.map(\.name).filter { name in
                existingNames.contains(name.lowercased()) || added.contains { $0.name == name }
            }
        case "sync_all_columns":
            for col in added {
                try c.execute("alter table \(dialect.render(target)) add column \(dialect.quote(col.name)) \(col.dataType)", fetch: false)
            }
            for col in removed {
                try c.execute("alter table \(dialect.render(target)) drop column \(dialect.quote(col.name))", fetch: false)
            }
            return incoming.map(\.name)
        default:
            // ignore: new columns are not added, removed ones stay and get nulls.
            return incoming.map(\.name).filter { existingNames.contains($0.lowercased()) }
        }
    }
}

/// The rendered pre- and post-hooks of a node, run inside its transaction.
struct Hooks {
    var preSQL: [String] = []
    var postSQL: [String] = []

    func pre(_ c: any WarehouseConnection) throws {
        for sql in preSQL where !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { try c.execute(sql, fetch: false) }
    }

    func post(_ c: any WarehouseConnection) throws {
        for sql in postSQL where !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { try c.execute(sql, fetch: false) }
    }
}
