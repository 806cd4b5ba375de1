import Foundation
import SQLiteAdapter
import Testing
import Warehouse

/// A fresh directory under the system temp dir, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("ingot-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// An adapter on `warehouse.db` in a new temporary directory, with `schemas/` as the schema
/// directory.
func makeAdapter(in directory: TemporaryDirectory, schemasAndPaths: [String: String] = [:], threads: Int = 4,
                 busyTimeout: TimeInterval = 5) throws -> SQLiteAdapter {
    try FileManager.default.createDirectory(atPath: directory.file("schemas"), withIntermediateDirectories: true)
    let profile = SQLiteProfile(schemasAndPaths: ["main": "warehouse.db"].merging(schemasAndPaths) { $1 },
                                schemaDirectory: "schemas", threads: threads)
    return try SQLiteAdapter(profile: profile, baseDirectory: directory.path, busyTimeout: busyTimeout)
}

/// One adapter shared by the function tests (they only read).
let functionAdapter: SQLiteAdapter = {
    let directory = try! TemporaryDirectory()
    return try! makeAdapter(in: directory)
}()

/// The first cell of `sql`'s first row as text: NULL → nil, integral reals without `.0`.
func scalar(_ sql: String, adapter: SQLiteAdapter = functionAdapter) throws -> String? {
    let statement = sql.lowercased().hasPrefix("select") ? sql : "select " + sql
    let outcome = try adapter.execute(statement, fetch: true)
    guard let cell = outcome.rows.first?.first else { return nil }
    switch cell {
    case .null: return nil
    case .bool(let b): return b ? "1" : "0"
    case .int(let i): return String(i)
    case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)"
    case .string(let s): return s
    }
}

/// Whether `actual` is what PostgreSQL printed: the same text, or numbers equal to 12
/// significant digits (PostgreSQL prints `numeric` `1.0`, SQLite's real is `1`; last-digit
/// rounding differs between summation orders).
func sameValue(_ actual: String?, _ expected: String?) -> Bool {
    if actual == expected { return true }
    guard let a = actual.flatMap(Double.init), let e = expected.flatMap(Double.init) else { return false }
    return abs(a - e) <= 1e-12 * max(1, abs(e))
}

/// Runs one `(sql, expected)` row of a PostgreSQL table.
func check(_ sql: String, _ expected: String?, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        let actual = try scalar(sql)
        #expect(sameValue(actual, expected), "\(sql) gave \(actual.map { "'\($0)'" } ?? "NULL"), PostgreSQL \(expected.map { "'\($0)'" } ?? "NULL")",
                sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(sql) failed: \(error)", sourceLocation: sourceLocation)
    }
}
