import Warehouse
import Compile
import Foundation
import Jinja

/// Renders `source` with the dbt context functions plus `extra`, as a model's render would.
func renderWithContext(_ source: String, _ extra: [String: Value] = [:], policy: RelationPolicy = .postgres,
                       isParsing: Bool = false, warehouse: any WarehouseIntrospecting = NoWarehouse(),
                       sink: MessageSink = MessageSink()) throws -> String
{
    var context = dbtContextFunctions(
        policy: policy, adapterType: "postgres", isParsing: isParsing, dispatcher: FakeDispatcher(),
        warehouse: warehouse, database: "warehouse", now: { fixedNow },
        log: { sink.append("log: \($0)") }, debug: { sink.append("debug: \($0)") },
        warn: { sink.append("warn: \($0)") })
    for (k, v) in extra { context[k] = v }
    return try Environment().template(source).render(context)
}

/// 2024-03-09 15:07:00.000120 UTC, the clock of the tests.
let fixedNow = Date(timeIntervalSince1970: 1_709_996_820.000_12)

/// Collects what `log`, `print` and `exceptions.warn` report.
final class MessageSink: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ message: String) {
        lock.lock()
        stored.append(message)
        lock.unlock()
    }
    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// Dispatches `name` to a function that prints which implementation was chosen.
struct FakeDispatcher: MacroDispatching {
    func dispatch(_ name: String, namespace: String?, state: RenderState) throws -> Value {
        if name == "missing" { throw CompilationError("No macro named 'missing'") }
        let chosen = "\(namespace.map { "\($0)." } ?? "")postgres__\(name)"
        return .callable(Function(chosen) { args in
            .string("\(chosen)(\(args.positional.map(\.pythonRepr).joined(separator: ", ")))")
        })
    }
}

/// An in-memory warehouse: one schema `analytics` with tables `orders` and `orders_new`; it
/// records every DDL call and every SQL statement it is asked to run.
final class FakeWarehouse: WarehouseIntrospecting, @unchecked Sendable {
    private let lock = NSLock()
    private var log: [String] = []
    var calls: [String] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }
    private func record(_ s: String) {
        lock.lock()
        log.append(s)
        lock.unlock()
    }

    let tables: [String: [ColumnInfo]] = [
        "orders": [ColumnInfo(name: "id", dataType: "integer"), ColumnInfo(name: "status", dataType: "varchar", charSize: 20)],
        "orders_new": [ColumnInfo(name: "id", dataType: "integer"), ColumnInfo(name: "status", dataType: "varchar", charSize: 20),
                       ColumnInfo(name: "amount", dataType: "numeric", numericPrecision: 10, numericScale: 2)],
    ]

    func relation(database: String?, schema: String, identifier: String) throws -> RelationInfo? {
        record("get_relation \(database ?? "-").\(schema).\(identifier)")
        guard schema == "analytics", tables[identifier] != nil else { return nil }
        return RelationInfo(database: database, schema: schema, identifier: identifier, type: .table)
    }
    func columns(in relation: RelationInfo) throws -> [ColumnInfo] { tables[relation.identifier ?? ""] ?? [] }
    func relations(database: String?, schema: String) throws -> [RelationInfo] {
        guard schema == "analytics" else { return [] }
        return tables.keys.sorted().map { RelationInfo(database: database, schema: schema, identifier: $0, type: .table) }
    }
    func schemaExists(database: String?, schema: String) throws -> Bool { schema == "analytics" }
    func execute(_ sql: String, fetch: Bool) throws -> QueryOutcome {
        record("execute \(sql) fetch=\(fetch)")
        return QueryOutcome(message: "SELECT 2", code: "SELECT", rowsAffected: 2, columnNames: ["id", "status"],
                            rows: [[.int(1), .string("open")], [.int(2), .null]])
    }
    func dropRelation(_ relation: RelationInfo) throws { record("drop \(relation.identifier ?? "")") }
    func renameRelation(_ relation: RelationInfo, to target: RelationInfo) throws {
        record("rename \(relation.identifier ?? "") to \(target.identifier ?? "")")
    }
    func truncateRelation(_ relation: RelationInfo) throws { record("truncate \(relation.identifier ?? "")") }
    func createSchema(database: String?, schema: String) throws { record("create schema \(schema)") }
    func dropSchema(database: String?, schema: String) throws { record("drop schema \(schema)") }
}
