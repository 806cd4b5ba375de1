import Compile
import Foundation
import Project
import Warehouse

/// Takes snapshots (type-2 slowly changing dimensions) as dbt does: the first run creates the
/// table from the query plus `dbt_scd_id`, `dbt_updated_at`, `dbt_valid_from` and
/// `dbt_valid_to`; later runs close the rows that changed (and, per `hard_deletes`, those whose
/// key vanished) and insert their new versions. Everything happens in one transaction, after
/// the query's `unique_key` is checked to be unique, so a failed snapshot changes nothing.
struct SnapshotMaterializer {
    let adapter: any WarehouseAdapter
    var dialect: WarehouseDialect { adapter.dialect }

    /// `snapshot_get_time()` for a run started at `date`: a UTC timestamp literal with
    /// microseconds, as `now()::timestamp` prints.
    static func timestampLiteral(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let micros = Int((date.timeIntervalSince1970 - floor(date.timeIntervalSince1970)) * 1_000_000)
        func pad(_ n: Int?, _ w: Int) -> String {
            let s = String(n ?? 0)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "'\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(min(micros, 999_999), 6))'"
    }

    func snapshot(_ node: ManifestNode, sql: String, hooks: Hooks, now: Date = Date()) throws -> Materializer.Outcome {
        let plan = try SnapshotPlan(node)
        let target = RelationInfo(database: node.database, schema: node.schema, identifier: node.alias)
        let time = SnapshotMaterializer.timestampLiteral(now)
        // The adapter reports whatever ends its transaction as a warehouse error; a snapshot's
        // own failure (a duplicated key, a target that is no snapshot) is rethrown as itself.
        var failure: SnapshotError?
        do {
            return try adapter.transaction { c in
                do {
                    return try take(node, plan: plan, time: time, target: target, sql: sql, hooks: hooks, on: c)
                } catch let e as SnapshotError {
                    failure = e
                    throw e
                }
            }
        } catch {
            throw failure ?? error
        }
    }

    /// The snapshot inside its transaction; `time` is `snapshot_get_time()` for this run.
    private func take(_ node: ManifestNode, plan: SnapshotPlan, time: String, target: RelationInfo,
                      sql: String, hooks: Hooks, on c: any WarehouseConnection) throws -> Materializer.Outcome {
        var builder = SnapshotSQL(plan: plan, dialect: dialect, now: time)
        try hooks.pre(c)
        try checkUniqueKey(node, plan: plan, builder: builder, sql: sql, on: c)
        let existing = try c.relation(database: target.database, schema: target.schema ?? "", identifier: target.identifier ?? "")
        guard let existing else {
            try c.execute("create table \(dialect.render(target)) as\n\(builder.build(sql))", fetch: false)
            let rows = try count("select count(*) from \(dialect.render(target))", on: c)
            try hooks.post(c)
            return Materializer.Outcome(message: "INSERT \(rows)", rows: rows)
        }
        if existing.type == .view {
            throw SnapshotError(description: "Invalid relation type for snapshot \(node.name): \(dialect.render(target)) is a view, expected a table")
        }
        let targetColumns = try c.columns(in: target).map(\.name)
        try checkTarget(plan: plan, columns: targetColumns)
        let sourceColumns = try queryColumns("select * from (\n\(sql)\n) as dbt_sbq where 1 = 0", on: c)
        if case .check(let configured, _) = plan.strategy {
            let compared = try configured.map {
                try queryColumns("select \($0.joined(separator: ", ")) from (\n\(sql)\n) subq where 1 = 0", on: c)
            } ?? sourceColumns
            let existing = Set(targetColumns.map { $0.lowercased() })
            builder.checkColumns = compared.filter { existing.contains($0.lowercased()) }.map(dialect.quote)
            builder.checkColumnAdded = compared.contains { !existing.contains($0.lowercased()) }
        }
        let staging = RelationInfo(database: target.database, schema: target.schema,
                                   identifier: (target.identifier ?? "") + "__dbt_tmp")
        try c.execute("drop table if exists \(dialect.render(staging))", fetch: false)
        let stagingSQL = builder.staging(sql, target: target, sourceColumns: sourceColumns, targetColumns: targetColumns)
        try c.execute("create table \(dialect.render(staging)) as\n\(stagingSQL)", fetch: false)
        // New columns of the query are added to the snapshot table, as dbt's create_columns does.
        let removed = Set(["dbt_change_type"] + plan.keyColumns)
        let stagingColumns = try c.columns(in: staging).filter { !removed.contains($0.name.lowercased()) }
        let known = Set(targetColumns.map { $0.lowercased() })
        for column in stagingColumns where !known.contains(column.name.lowercased()) {
            let type = column.dataType.isEmpty ? "" : " \(column.dataType)"
            try c.execute("alter table \(dialect.render(target)) add column \(dialect.quote(column.name))\(type)", fetch: false)
        }
        let inserted = try count("select count(*) from \(dialect.render(staging)) where dbt_change_type = 'insert'", on: c)
        for statement in builder.merge(target: target, staging: staging, insertColumns: stagingColumns.map(\.name)) {
            try c.execute(statement, fetch: false)
        }
        try c.execute("drop table if exists \(dialect.render(staging))", fetch: false)
        try hooks.post(c)
        return Materializer.Outcome(message: "INSERT \(inserted)", rows: inserted)
    }

    /// A snapshot keeps one current row per key; a query that returns a key twice would corrupt
    /// it, so it fails before anything is written.
    private func checkUniqueKey(_ node: ManifestNode, plan: SnapshotPlan, builder: SnapshotSQL, sql: String,
                                on c: any WarehouseConnection) throws {
        let result = try c.execute(builder.duplicateKey(sql), fetch: true)
        guard let row = result.rows.first else { return }
        let values = zip(plan.uniqueKey, row).map { key, cell in "\(key) = \(SnapshotMaterializer.show(cell))" }
        let times = row.last.map(SnapshotMaterializer.show) ?? "?"
        let keyText = plan.keyIsList ? "[" + plan.uniqueKey.joined(separator: ", ") + "]" : plan.uniqueKey[0]
        throw SnapshotError(description: """
            Snapshot \(node.name) (\(node.displayPath)): its unique_key \(keyText) is not unique in the snapshot query: \
            \(values.joined(separator: ", ")) occurs \(times) times.
            A snapshot needs exactly one row per unique_key value; the snapshot table was left unchanged.
            """)
    }

    /// `valid_snapshot_target` and, for `new_record`, the `dbt_is_deleted` column.
    private func checkTarget(plan: SnapshotPlan, columns: [String]) throws {
        let names = Set(columns.map { $0.lowercased() })
        var required = [plan.columns.scdID, plan.columns.validFrom, plan.columns.validTo]
        if plan.hardDeletes == .newRecord { required.append(plan.columns.isDeleted) }
        let missing = required.filter { !names.contains($0.lowercased()) }
        if !missing.isEmpty {
            throw SnapshotError(description: "Snapshot target is missing configured columns (missing \"\(missing.joined(separator: "\", \""))\"). See https://docs.getdbt.com/docs/build/snapshots#snapshot-meta-fields for more information.")
        }
    }

    private func queryColumns(_ sql: String, on c: any WarehouseConnection) throws -> [String] {
        try c.execute(sql, fetch: true).columnNames
    }

    private func count(_ sql: String, on c: any WarehouseConnection) throws -> Int {
        if case .int(let n)? = try c.execute(sql, fetch: true).rows.first?.first { return n }
        return 0
    }

    static func show(_ cell: QueryCell) -> String {
        switch cell {
        case .null: return "NULL"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return "'\(s)'"
        }
    }
}
