import Foundation
import Jinja
import Warehouse

/// dbt's `run_query(sql)`, `store_result(name, response, agate_table)` and `load_result(name)`:
/// what `{% call statement('name', fetch_result=True) %}` and the macros of a `run-operation`
/// use to run SQL and read its rows.
///
/// Results are kept per thread, so renders of different nodes on different worker threads
/// never read each other's `statement('main')`.
final class StatementResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String: Value] = [:]

    private static func key(_ name: String) -> String {
        "\(UInt(bitPattern: ObjectIdentifier(Thread.current).hashValue))\u{0}\(name)"
    }

    func store(_ name: String, _ value: Value) {
        lock.withLock { results[Self.key(name)] = value }
    }

    func load(_ name: String) -> Value? {
        lock.withLock { results[Self.key(name)] }
    }

    /// The three context functions. During parsing (`execute` false) `run_query` returns none,
    /// as dbt's does, and nothing reaches the warehouse.
    static func functions(isParsing: Bool, warehouse: any WarehouseIntrospecting) -> [String: Value] {
        let store = StatementResults()
        return [
            "run_query": .callable(Function("run_query") { args in
                let b = try args.bind("run_query", ["sql"], required: 1)
                if isParsing { return .none }
                let sql = b[0]!.pythonString
                let outcome = try warehouse.execute(sql, fetch: true)
                return .object(QueryResultValue(outcome))
            }),
            "store_result": .callable(Function("store_result") { args in
                let b = try args.bind("store_result", ["name", "response", "agate_table"], required: 1)
                let table = b[2] ?? .object(QueryResultValue.empty)
                var data: [Value] = []
                if case .object(let t as QueryResultValue) = table { data = t.rows.map { .tuple($0) } }
                store.store(b[0]!.pythonString, .dict([
                    "response": b[1] ?? .none, "table": table, "data": .list(data),
                ]))
                return .string("")
            }),
            "store_raw_result": .callable(Function("store_raw_result") { args in
                let b = try args.bind("store_raw_result", ["name", "message", "code", "rows_affected", "agate_table"],
                                      required: 1)
                let response = AdapterResponseValue(message: b[1]?.pythonString ?? "", code: b[2]?.pythonString,
                                                    rowsAffected: b[3]?.intValue)
                store.store(b[0]!.pythonString, .dict([
                    "response": .object(response), "table": b[4] ?? .object(QueryResultValue.empty), "data": .list([]),
                ]))
                return .string("")
            }),
            "load_result": .callable(Function("load_result") { args in
                let b = try args.bind("load_result", ["name"], required: 1)
                return store.load(b[0]!.pythonString) ?? .none
            }),
        ]
    }
}
