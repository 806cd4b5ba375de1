import Compile
import Foundation
import Warehouse

/// Runs a data test as dbt does: counts the failing rows with `fail_calc`, compares with
/// `warn_if` / `error_if`, and decides pass, warn or fail by `severity`.
struct TestExecutor {
    let adapter: any WarehouseAdapter

    struct Outcome {
        var status: NodeResult.Status
        var message: String
        var failures: Int
    }

    /// Runs the test; with `store_failures` the failing rows are first kept in a table named
    /// after the test in its audit schema (`<target schema>_dbt_test__audit`), and counted there.
    func run(_ node: ManifestNode, sql testSQL: String, storeFailures: Bool = false) throws -> Outcome {
        let config = node.config
        var sql = testSQL
        if config.storeFailures ?? storeFailures {
            let dialect = adapter.dialect
            let table = RelationInfo(database: node.database, schema: node.schema, identifier: node.alias)
            if try !adapter.schemaExists(database: node.database, schema: node.schema) {
                try adapter.createSchema(database: node.database, schema: node.schema)
            }
            try adapter.transaction { c in
                if let existing = try c.relation(database: table.database, schema: node.schema, identifier: node.alias) {
                    try c.execute("drop \(existing.type == .view ? "view" : "table") if exists \(dialect.render(table))", fetch: false)
                }
                try c.execute("create table \(dialect.render(table)) as\n\(testSQL)", fetch: false)
            }
            sql = "select * from \(dialect.render(table))"
        }
        let failCalc = config.failCalc ?? "count(*)"
        let warnIf = config.warnIf ?? "!= 0"
        let errorIf = config.errorIf ?? "!= 0"
        let limit = config.limit.map { "\nlimit \($0)" } ?? ""
        let query = """
            select
              \(failCalc) as failures,
              case when \(failCalc) \(warnIf) then 1 else 0 end as should_warn,
              case when \(failCalc) \(errorIf) then 1 else 0 end as should_error
            from (
              \(sql)\(limit)
            ) dbt_internal_test
            """
        let result = try adapter.execute(query, fetch: true)
        guard let row = result.rows.first, row.count >= 3 else {
            throw WarehouseError(.database, "the test query returned no row", sql: query)
        }
        let failures = Self.int(row[0])
        let shouldWarn = Self.int(row[1]) != 0
        let shouldError = Self.int(row[2]) != 0
        let severity = config.severity ?? "ERROR"
        if severity == "ERROR" && shouldError {
            return Outcome(status: .fail, message: "Got \(failures) result\(failures == 1 ? "" : "s"), configured to fail if \(errorIf)", failures: failures)
        }
        if shouldWarn {
            return Outcome(status: .warn, message: "Got \(failures) result\(failures == 1 ? "" : "s"), configured to warn if \(warnIf)", failures: failures)
        }
        return Outcome(status: .pass, message: "PASS", failures: failures)
    }

    static func int(_ cell: QueryCell) -> Int {
        switch cell {
        case .int(let i): return i
        case .double(let d): return Int(d)
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return Int(s) ?? (Double(s).map { Int($0) } ?? 0)
        case .null: return 0
        }
    }
}
