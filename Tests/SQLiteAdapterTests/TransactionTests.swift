import Foundation
import SQLiteAdapter
import Testing
import Warehouse

@Suite("Transactions")
struct TransactionTests {
    @Test("a failed statement rolls back the whole transaction, DDL included")
    func rollback() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let adapter = try makeAdapter(in: dir)
        defer { adapter.close() }
        try adapter.execute("create table kept (x integer); insert into kept values (1)", fetch: false)
        let error = #expect(throws: WarehouseError.self) {
            try adapter.transaction { c in
                try c.execute("insert into kept values (2)", fetch: false)
                try c.execute("create table new_table (y integer)", fetch: false)
                try c.execute("drop table kept", fetch: false)
                try c.execute("insert into missing values (3)", fetch: false)
            }
        }
        #expect(error?.kind == .database)
        #expect(error?.sql == "insert into missing values (3)")
        #expect(try scalar("select group_concat(x) from kept", adapter: adapter) == "1")
        #expect(try adapter.relation(database: nil, schema: "main", identifier: "new_table") == nil)
    }

    @Test("inside a transaction, the adapter sees uncommitted work; nested transactions are savepoints")
    func reentrancy() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let adapter = try makeAdapter(in: dir)
        defer { adapter.close() }
        try adapter.transaction { c in
            try c.execute("create table t (x integer)", fetch: false)
            #expect(try adapter.relation(database: nil, schema: "main", identifier: "t") != nil)
            #expect(try c.relation(database: nil, schema: "main", identifier: "t")?.type == .table)
            #expect(try c.columns(in: RelationInfo(database: nil, schema: "main", identifier: "t")).map(\.name) == ["x"])
            try adapter.execute("insert into t values (1)", fetch: false)
            #expect(throws: WarehouseError.self) {
                try adapter.transaction { inner in
                    try inner.execute("insert into t values (2)", fetch: false)
                    try inner.execute("bogus", fetch: false)
                }
            }
            #expect(try adapter.execute("select count(*) from t", fetch: true).rows == [[.int(1)]])
        }
        #expect(try scalar("select count(*) from t", adapter: adapter) == "1")
    }

    @Test("SQL with its own begin/commit runs through execute")
    func explicitTransaction() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let adapter = try makeAdapter(in: dir)
        defer { adapter.close() }
        try adapter.execute("begin; create table t (x); insert into t values (1); commit;", fetch: false)
        #expect(try scalar("select count(*) from t", adapter: adapter) == "1")
    }
}
