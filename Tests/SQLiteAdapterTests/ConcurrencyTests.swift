import Foundation
import SQLiteAdapter
import Testing
import Warehouse

@Suite("Concurrent writers")
struct ConcurrencyTests {
    /// 8 threads, 20 rounds each: create a table, fill it, read it back, swap a shared view,
    /// introspect; the pool serializes the writes. Finishes (no deadlock) and the file passes
    /// `pragma integrity_check`.
    @Test("8 threads x 20 rounds, no corruption, no deadlock")
    func concurrentWriters() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let adapter = try makeAdapter(in: dir, threads: 8)
        defer { adapter.close() }
        try adapter.createSchema(database: nil, schema: "staging")
        let failures = FailureLog()
        let group = DispatchGroup()
        for worker in 0..<8 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    for round in 0..<20 {
                        let schema = round % 2 == 0 ? "main" : "staging"
                        let name = "t_\(worker)_\(round)"
                        let relation = RelationInfo(database: nil, schema: schema, identifier: name)
                        let rows = (0..<100).map { [QueryCell.int($0), .string("w\(worker)")] }
                        try adapter.transaction { c in
                            try c.execute("create table \"\(schema)\".\"\(name)\" (id integer, who text)", fetch: false)
                            try c.insert(into: relation, columns: ["id", "who"], rows: rows)
                        }
                        let count = try adapter.execute("select count(*) from \"\(schema)\".\"\(name)\"", fetch: true)
                        if count.rows != [[.int(100)]] { failures.add("\(name): \(count.rows)") }
                        if try adapter.relation(database: nil, schema: schema, identifier: name) == nil {
                            failures.add("\(name) not found")
                        }
                        // A view may only name relations of its own schema (file).
                        try adapter.dropRelation(RelationInfo(database: nil, schema: schema, identifier: "v_\(worker)"))
                        try adapter.execute("create view \"\(schema)\".v_\(worker) as select * from \"\(schema)\".\"\(name)\"", fetch: false)
                    }
                } catch {
                    failures.add("worker \(worker): \(error)")
                }
            }
        }
        #expect(group.wait(timeout: .now() + 120) == .success, "deadlock: workers did not finish")
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try adapter.execute("pragma integrity_check", fetch: true).rows == [[.string("ok")]])
        #expect(try adapter.execute("pragma staging.integrity_check", fetch: true).rows == [[.string("ok")]])
        #expect(try adapter.relations(database: nil, schema: "main").count == 80 + 8)
        #expect(try adapter.relations(database: nil, schema: "staging").count == 80 + 8)
    }
}

final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []
    func add(_ s: String) { lock.lock(); entries.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return entries }
}
