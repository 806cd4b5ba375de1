import Foundation
import GRDB
import Warehouse

/// Runs SQL text on one connection and shapes the outcome as dbt's `AdapterResponse`.
enum SQLiteStatementRunner {
    /// Runs every statement of `sql` in order; with `fetch`, the rows of the last statement
    /// that returns columns come back.
    static func run(_ sql: String, fetch: Bool, db: Database) throws -> QueryOutcome {
        var outcome = QueryOutcome(message: "OK")
        let statements = try db.allStatements(sql: sql)
        while let statement = try statements.next() {
            let result = try run(statement, fetch: fetch, db: db)
            if !(outcome.code == "SELECT" && result.code != "SELECT") { outcome = result }
        }
        return outcome
    }

    /// Runs one prepared statement.
    static func run(_ statement: Statement, fetch: Bool, db: Database) throws -> QueryOutcome {
        let code = verb(of: statement.sql)
        let columnNames = statement.columnNames
        if fetch && !columnNames.isEmpty {
            var rows: [[QueryCell]] = []
            let cursor = try Row.fetchCursor(statement)
            while let row = try cursor.next() {
                var cells: [QueryCell] = []
                cells.reserveCapacity(columnNames.count)
                for index in 0..<columnNames.count {
                    cells.append(cell(row[index] as DatabaseValue))
                }
                rows.append(cells)
            }
            return QueryOutcome(message: "SELECT \(rows.count)", code: "SELECT", rowsAffected: rows.count,
                                columnNames: columnNames, rows: rows)
        }
        try statement.execute()
        switch code {
        case "INSERT", "UPDATE", "DELETE", "REPLACE":
            let changes = db.changesCount
            return QueryOutcome(message: "\(code) \(changes)", code: code, rowsAffected: changes)
        default:
            return QueryOutcome(message: "OK", code: code)
        }
    }

    /// A SQLite value as a result cell; blobs become their UTF-8 text, or hex when not text.
    static func cell(_ value: DatabaseValue) -> QueryCell {
        switch value.storage {
        case .null: return .null
        case .int64(let i): return .int(Int(i))
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .blob(let data):
            if let text = String(data: data, encoding: .utf8) { return .string(text) }
            return .string(data.map { String(format: "%02x", $0) }.joined())
        }
    }

    /// A cell as a SQLite value to bind.
    static func databaseValue(_ cell: QueryCell) -> DatabaseValue {
        switch cell {
        case .null: return .null
        case .bool(let b): return (b ? 1 : 0).databaseValue
        case .int(let i): return i.databaseValue
        case .double(let d): return d.databaseValue
        case .string(let s): return s.databaseValue
        }
    }

    /// The statement's first keyword, upper-cased (`CREATE`, `INSERT`), skipping comments.
    static func verb(of sql: String) -> String {
        var rest = Substring(sql)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("--") {
                rest = rest.drop { $0 != "\n" }
            } else if rest.hasPrefix("/*"), let end = rest.range(of: "*/") {
                rest = rest[end.upperBound...]
            } else {
                break
            }
        }
        return String(rest.prefix { $0.isLetter }).uppercased()
    }
}
