import Warehouse

/// The SQL of a snapshot, following dbt's default snapshot macros (`build_snapshot_table`,
/// `snapshot_staging_table`, `snapshot_merge_sql` and the `timestamp` / `check` strategies), so
/// the rows and `dbt_scd_id`s come out as dbt makes them.
struct SnapshotSQL {
    let plan: SnapshotPlan
    let dialect: WarehouseDialect
    /// `snapshot_get_time()`: the run's timestamp as a SQL expression.
    let now: String
    /// For the check strategy on an existing table: the columns compared, already quoted, and
    /// whether the query has columns the table lacks (then every row counts as changed).
    var checkColumns: [String] = []
    var checkColumnAdded = false

    init(plan: SnapshotPlan, dialect: WarehouseDialect, now: String) {
        self.plan = plan
        self.dialect = dialect
        self.now = now
    }

    private var cols: SnapshotPlan.Columns { plan.columns }

    /// `strategy.updated_at`: the `updated_at` column, or (check strategy without one) the run's time.
    var updatedAt: String {
        switch plan.strategy {
        case .timestamp(let column): return column
        case .check(_, let column): return column ?? now
        }
    }

    /// `snapshot_hash_arguments`: `md5(coalesce(cast(a as varchar), '') || '|' || …)`.
    static func hash(_ args: [String]) -> String {
        "md5(" + args.map { "coalesce(cast(\($0) as varchar ), '')" }.joined(separator: " || '|' || ") + ")"
    }

    /// `strategy.scd_id`: the hash of the key parts and `updated_at`.
    var scdID: String { SnapshotSQL.hash(plan.uniqueKey + [updatedAt]) }

    /// `strategy.row_changed`, comparing `snapshotted_data` with `source_data`.
    var rowChanged: String {
        switch plan.strategy {
        case .timestamp(let column):
            return "(snapshotted_data.\(cols.validFrom) < source_data.\(column))"
        case .check:
            if checkColumnAdded { return "(TRUE)" }
            let parts = checkColumns.map { c in
                """
                snapshotted_data.\(c) != source_data.\(c)
                        or
                        (
                            ((snapshotted_data.\(c) is null) and not (source_data.\(c) is null))
                            or
                            ((not snapshotted_data.\(c) is null) and (source_data.\(c) is null))
                        )
                """
            }
            return "(" + parts.joined(separator: " or ") + ")"
        }
    }

    /// `get_dbt_valid_to_current`.
    var validToCurrent: String {
        "coalesce(nullif(\(updatedAt), \(updatedAt)), \(plan.validToCurrent ?? "null")) as \(cols.validTo)"
    }

    /// The condition on a snapshot row that makes it current.
    func isCurrent(_ qualifier: String) -> String {
        if let current = plan.validToCurrent {
            return "(\(qualifier)\(cols.validTo) = \(current) or \(qualifier)\(cols.validTo) is null)"
        }
        return "\(qualifier)\(cols.validTo) is null"
    }

    // MARK: - First run

    /// `build_snapshot_table`: the query with the meta columns.
    func build(_ sql: String) -> String {
        var out = """
            select *,
                \(scdID) as \(cols.scdID),
                \(updatedAt) as \(cols.updatedAt),
                \(updatedAt) as \(cols.validFrom),
                \(validToCurrent)
            """
        if plan.hardDeletes == .newRecord { out += ",\n    'False' as \(cols.isDeleted)" }
        out += "\nfrom (\n\(sql)\n) sbq"
        return out
    }

    // MARK: - Later runs

    private var keyFields: String {
        plan.uniqueKey.enumerated().map { "\($1) as \(plan.keyColumn($0))" }.joined(separator: ", ")
    }

    private func keyJoin(_ a: String, _ b: String) -> String {
        plan.keyColumns.map { "\(a).\($0) = \(b).\($0)" }.joined(separator: " and ")
    }

    private func keyIsNull(_ q: String) -> String { "\(q).\(plan.keyColumns[0]) is null" }
    private func keyIsNotNull(_ q: String) -> String { "\(q).\(plan.keyColumns[0]) is not null" }

    /// `snapshot_staging_table`: every change as a row with `dbt_change_type` (`insert`,
    /// `update`, `delete`). `sourceColumns` are the query's columns, `targetColumns` the
    /// snapshot table's (both used only for `new_record`).
    func staging(_ sql: String, target: RelationInfo, sourceColumns: [String], targetColumns: [String]) -> String {
        let t = dialect.render(target)
        let deletes = plan.hardDeletes != .ignore
        let newRecord = plan.hardDeletes == .newRecord
        let deletedCurrent = "snapshotted_data.\(cols.isDeleted) = 'True'"
        let changed = rowChanged + (newRecord ? " or \(deletedCurrent)" : "")
        var out = """
            with snapshot_query as (
            \(sql)
            ),
            snapshotted_data as (
                select *, \(keyFields)
                from \(t)
                where \(isCurrent(""))
            ),
            insertions_source_data as (
                select *, \(keyFields),
                    \(updatedAt) as \(cols.updatedAt),
                    \(updatedAt) as \(cols.validFrom),
                    \(validToCurrent),
                    \(scdID) as \(cols.scdID)
                from snapshot_query
            ),
            updates_source_data as (
                select *, \(keyFields),
                    \(updatedAt) as \(cols.updatedAt),
                    \(updatedAt) as \(cols.validFrom),
                    \(updatedAt) as \(cols.validTo)
                from snapshot_query
            ),
            """
        if deletes {
            out += """

                deletes_source_data as (
                    select *, \(keyFields)
                    from snapshot_query
                ),
                """
        }
        out += """

            insertions as (
                select 'insert' as dbt_change_type, source_data.*\(newRecord ? ", 'False' as \(cols.isDeleted)" : "")
                from insertions_source_data as source_data
                left outer join snapshotted_data
                    on \(keyJoin("snapshotted_data", "source_data"))
                where \(keyIsNull("snapshotted_data"))
                    or (\(keyIsNotNull("snapshotted_data")) and (\(changed)))
            ),
            updates as (
                select 'update' as dbt_change_type, source_data.*,
                    snapshotted_data.\(cols.scdID)\(newRecord ? ", snapshotted_data.\(cols.isDeleted)" : "")
                from updates_source_data as source_data
                join snapshotted_data
                    on \(keyJoin("snapshotted_data", "source_data"))
                where (\(changed))
            )
            """
        // Not for a key whose current row already records its deletion (dbt compares with
        // dbt_valid_to_current here without the `is null` alternative).
        let latest = plan.validToCurrent.map { "snapshotted_data.\(cols.validTo) = \($0)" } ?? "snapshotted_data.\(cols.validTo) is null"
        let notAlreadyDeleted = "not (\(deletedCurrent) and \(latest))"
        if deletes {
            out += """
                ,
                deletes as (
                    select 'delete' as dbt_change_type, source_data.*,
                        \(now) as \(cols.validFrom),
                        \(now) as \(cols.updatedAt),
                        \(now) as \(cols.validTo),
                        snapshotted_data.\(cols.scdID)\(newRecord ? ", snapshotted_data.\(cols.isDeleted)" : "")
                    from snapshotted_data
                    left join deletes_source_data as source_data
                        on \(keyJoin("snapshotted_data", "source_data"))
                    where \(keyIsNull("source_data"))\(newRecord ? "\n        and \(notAlreadyDeleted)" : "")
                )
                """
        }
        if newRecord {
            let existing = Set(targetColumns.map { $0.lowercased() })
            let values = sourceColumns.map { name in
                (existing.contains(name.lowercased()) ? "snapshotted_data." : "source_data.") + dialect.quote(name)
            }
            let keys = plan.keyIsList
                ? plan.uniqueKey.enumerated().map { "snapshotted_data.\($1) as \(plan.keyColumn($0))" }
                : ["snapshotted_data.dbt_unique_key as dbt_unique_key"]
            let fields = ["'insert' as dbt_change_type"] + values + keys + [
                "\(now) as \(cols.validFrom)",
                "\(now) as \(cols.updatedAt)",
                "snapshotted_data.\(cols.validTo) as \(cols.validTo)",
                "\(SnapshotSQL.hash([cols.scdID, now])) as \(cols.scdID)",
                "'True' as \(cols.isDeleted)",
            ]
            out += """
                ,
                deletion_records as (
                    select
                        \(fields.joined(separator: ",\n            "))
                    from snapshotted_data
                    left join deletes_source_data as source_data
                        on \(keyJoin("snapshotted_data", "source_data"))
                    where \(keyIsNull("source_data"))
                        and \(notAlreadyDeleted)
                )
                """
        }
        out += "\nselect * from insertions\nunion all\nselect * from updates"
        if deletes { out += "\nunion all\nselect * from deletes" }
        if newRecord { out += "\nunion all\nselect * from deletion_records" }
        return out
    }

    /// `snapshot_merge_sql`, as two statements: close the rows that changed or vanished, then
    /// insert the new versions.
    func merge(target: RelationInfo, staging: RelationInfo, insertColumns: [String]) -> [String] {
        let t = dialect.render(target)
        let s = dialect.render(staging)
        let table = dialect.quote(target.identifier ?? "")
        let closing = "s.dbt_change_type in ('update', 'delete')"
        let update = """
            update \(t)
            set \(cols.validTo) = (
                select min(s.\(cols.validTo)) from \(s) as s
                where s.\(cols.scdID) = \(table).\(cols.scdID) and \(closing)
            )
            where \(isCurrent(""))
              and \(cols.scdID) in (select s.\(cols.scdID) from \(s) as s where \(closing))
            """
        let list = insertColumns.map(dialect.quote).joined(separator: ", ")
        let insert = """
            insert into \(t) (\(list))
            select \(list)
            from \(s) as s
            where s.dbt_change_type = 'insert'
            """
        return [update, insert]
    }

    /// The first key that occurs more than once in the query, with its count.
    func duplicateKey(_ sql: String) -> String {
        let keys = plan.keyColumns.joined(separator: ", ")
        return """
            select \(keys), count(*) as n
            from (select \(keyFields) from (
            \(sql)
            ) dbt_snapshot_source) dbt_snapshot_keys
            group by \(keys)
            having count(*) > 1
            limit 1
            """
    }
}
