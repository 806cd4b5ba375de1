import Foundation
import SQLiteAdapter
import Testing
import Warehouse

@Suite("Introspection, drop, rename, truncate, insert")
struct IntrospectionTests {
    @Test("relations, types and columns from sqlite_master and table_info")
    func relationsAndColumns() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let adapter = try makeAdapter(in: dir)
        defer { adapter.close() }
        try adapter.execute("create table main.orders (id integer, amount numeric(10,2), note varchar(20), raw)", fetch: false)
        try adapter.execute("create view main.big_orders as select id, amount * 2 as doubled from orders", fetch: false)

        let table = try #require(try adapter.relation(database: nil, schema: "MAIN", identifier: "ORDERS"))
        #expect(table == RelationInfo(database: "database", schema: "main", identifier: "orders", type: .table))
        #expect(try adapter.relation(database: nil, schema: "main", identifier: "big_orders")?.type == .view)
        #expect(try adapter.relation(database: nil, schema: "main", identifier: "missing") == nil)
        #expect(try adapter.relation(database: nil, schema: "nowhere", identifier: "orders") == nil)
        #expect(try adapter.relations(database: nil, schema: "main").map(\.identifier) == ["big_orders", "orders"])

        let columns = try adapter.columns(in: table)
        #expect(columns == [
            ColumnInfo(name: "id", dataType: "integer"),
            ColumnInfo(name: "amount", dataType: "numeric", numericPrecision: 10, numericScale: 2),
            ColumnInfo(name: "note", dataType: "varchar", charSize: 20),
            ColumnInfo(name: "raw", dataType: ""),
        ])
        #expect(try adapter.schemaExists(database: nil, schema: "main"))
        #expect(try !adapter.schemaExists(database: nil, schema: "staging"))
        #expect(adapter.dialect.supportsCreateOrReplaceView == false && adapter.dialect.transactionalDDL)
        #expect(adapter.dialect.render(table) == "\"main\".\"orders\"")
    }

    @Test("execute: rows, status codes, several statements")
    func execute() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let adapter = try makeAdapter(in: dir)
        defer { adapter.close() }
        let created = try adapter.execute("create table t (a integer, b text); insert into t values (1, 'x'), (2, null)", fetch: false)
        #expect(created.code == "INSERT" && created.rowsAffected == 2)
        let outcome = try adapter.execute("select a, b, 1.5 as c from t order by a", fetch: true)
        #expect(outcome.columnNames == ["a", "b", "c"])
        #expect(outcome.rows == [[.int(1), .string("x"), .double(1.5)], [.int(2), .null, .double(1.5)]])
        #expect(outcome.message == "SELECT 2")
        let error = #expect(throws: WarehouseError.self) { try adapter.execute("select * from nope", fetch: true) }
        #expect(error?.kind == .database)
        #expect(error?.sql == "select * from nope")
        #expect(error?.description.contains("no such table: nope") == true)
    }

    @Test("drop, truncate, rename a table; rename a view by recreating it")
    func dropRenameTruncate() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let adapter = try makeAdapter(in: dir)
        defer { adapter.close() }
        try adapter.execute("create table t__tmp as select 1 as id union all select 2; create view v__tmp as select id from t", fetch: false)
        let table = RelationInfo(database: nil, schema: "main", identifier: "t__tmp", type: .table)
        try adapter.renameRelation(table, to: RelationInfo(database: nil, schema: "main", identifier: "t"))
        try adapter.renameRelation(RelationInfo(database: nil, schema: "main", identifier: "v__tmp"),
                                   to: RelationInfo(database: nil, schema: "main", identifier: "v"))
        #expect(try adapter.relations(database: nil, schema: "main").map(\.identifier) == ["t", "v"])
        #expect(try scalar("select count(*) from v", adapter: adapter) == "2")
        #expect(try adapter.relation(database: nil, schema: "main", identifier: "v")?.type == .view)

        try adapter.truncateRelation(RelationInfo(database: nil, schema: "main", identifier: "t"))
        #expect(try scalar("select count(*) from t", adapter: adapter) == "0")

        // The stated type is not trusted: a view is dropped as a view.
        try adapter.dropRelation(RelationInfo(database: nil, schema: "main", identifier: "v", type: .table))
        try adapter.dropRelation(RelationInfo(database: nil, schema: "main", identifier: "missing"))
        #expect(try adapter.relations(database: nil, schema: "main").map(\.identifier) == ["t"])
        #expect(throws: WarehouseError.self) {
            try adapter.renameRelation(RelationInfo(database: nil, schema: "main", identifier: "t"),
                                       to: RelationInfo(database: nil, schema: "other", identifier: "t"))
        }
    }

    /// The swap a table materialization does: drop the old table, rename the new one in. A
    /// view built on the old table keeps working (legacy_alter_table: views follow names).
    @Test("swap a table under a view")
    func swapUnderView() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let adapter = try makeAdapter(in: dir)
        defer { adapter.close() }
        try adapter.execute("create table orders as select 1 as id; create view recent as select * from orders", fetch: false)
        try adapter.transaction { c in
            try c.execute("create table orders__tmp as select 1 as id union all select 2", fetch: false)
            try c.execute("drop table orders", fetch: false)
            try c.execute("alter table orders__tmp rename to orders", fetch: false)
        }
        #expect(try scalar("select count(*) from recent", adapter: adapter) == "2")
    }

    @Test("insert: bound values, reused statements, wrong row widths")
    func insert() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let adapter = try makeAdapter(in: dir)
        defer { adapter.close() }
        try adapter.execute("create table seed (id integer, name text, score real, flag integer)", fetch: false)
        let relation = RelationInfo(database: nil, schema: "main", identifier: "seed")
        let rows: [[QueryCell]] = (0..<1000).map { [.int($0), $0 % 7 == 0 ? .null : .string("n'\($0)"), .double(Double($0) / 2), .bool($0 % 2 == 0)] }
        let count = try adapter.transaction { c in try c.insert(into: relation, columns: ["id", "name", "score", "flag"], rows: rows) }
        #expect(count == 1000)
        #expect(try scalar("select count(*) from seed", adapter: adapter) == "1000")
        #expect(try scalar("select name from seed where id = 999", adapter: adapter) == "n'999")
        #expect(try scalar("select sum(flag) from seed", adapter: adapter) == "500")
        #expect(try scalar("select count(*) from seed where name is null", adapter: adapter) == "143")
        #expect(throws: WarehouseError.self) {
            try adapter.transaction { c in try c.insert(into: relation, columns: ["id", "name"], rows: [[.int(1)]]) }
        }
        #expect(try scalar("select count(*) from seed", adapter: adapter) == "1000")
    }
}
