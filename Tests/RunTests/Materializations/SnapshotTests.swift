import Foundation
import Project
import Run
import Testing

/// Snapshots on real SQLite files. The expected rows of the first test are what dbt-core 1.11
/// with dbt-duckdb 1.11 produced from the same project and the same three runs (its
/// `dbt_scd_id`s included); timestamps taken at run time are shown as T1, T2, T3 (the run that
/// took them).
@Suite("Snapshots on SQLite")
struct SnapshotTests {
    static let run1 = "id,v,updated_at\n1,a,2024-01-01 00:00:00\n2,b,2024-01-01 00:00:00\n3,c,2024-01-01 00:00:00\n"
    /// 2 updated, 3 deleted, 4 inserted.
    static let run2 = "id,v,updated_at\n1,a,2024-01-01 00:00:00\n2,B,2024-01-02 00:00:00\n4,d,2024-01-02 00:00:00\n"
    /// 3 back, changed.
    static let run3 = "id,v,updated_at\n1,a,2024-01-01 00:00:00\n2,B,2024-01-02 00:00:00\n3,c2,2024-01-03 00:00:00\n4,d,2024-01-02 00:00:00\n"

    static let snapshots = """
        {% snapshot ts_ignore %}
        {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', target_schema='main') }}
        select * from {{ ref('src') }}
        {% endsnapshot %}

        {% snapshot ts_invalidate %}
        {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', target_schema='main', hard_deletes='invalidate') }}
        select * from {{ ref('src') }}
        {% endsnapshot %}

        {% snapshot ts_legacy %}
        {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', target_schema='main', invalidate_hard_deletes=true) }}
        select * from {{ ref('src') }}
        {% endsnapshot %}

        {% snapshot ts_new_record %}
        {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', target_schema='main', hard_deletes='new_record') }}
        select * from {{ ref('src') }}
        {% endsnapshot %}

        {% snapshot check_all %}
        {{ config(unique_key='id', strategy='check', check_cols='all', target_schema='main', hard_deletes='new_record') }}
        select id, v from {{ ref('src') }}
        {% endsnapshot %}

        {% snapshot check_list %}
        {{ config(unique_key='id', strategy='check', check_cols=['v'], target_schema='main', updated_at='updated_at') }}
        select * from {{ ref('src') }}
        {% endsnapshot %}

        {% snapshot custom_names %}
        {{ config(unique_key=['id', 'k2'], strategy='timestamp', updated_at='updated_at', target_schema='main', hard_deletes='new_record',
                  dbt_valid_to_current="'9999-12-31'",
                  snapshot_meta_column_names={'dbt_valid_from': 'vf', 'dbt_valid_to': 'vt', 'dbt_scd_id': 'sid', 'dbt_updated_at': 'ua', 'dbt_is_deleted': 'del'}) }}
        select id, 'x' || id as k2, v, updated_at from {{ ref('src') }}
        {% endsnapshot %}
        """

    static let snapshotTypes: Set<ResourceType> = [.seed, .snapshot]

    /// Runs the snapshots three times (seed changing between runs) and returns the fixture and
    /// the run timestamps, in order.
    static func threeRuns() throws -> RunFixture {
        let f = try RunFixture(["seeds/src.csv": run1, "snapshots/snaps.sql": snapshots])
        for (i, csv) in [run1, run2, run3].enumerated() {
            try f.write(["seeds/src.csv": csv])
            let results = try f.run(snapshotTypes, fullRefresh: true, threads: 2)
            #expect(results.values.allSatisfy { $0.status == .success }, "run \(i + 1): \(results.mapValues(\.message))")
        }
        return f
    }

    /// Rows with run-time timestamps replaced by T1, T2, T3 (ordered), and hashes of them by `H`.
    static func normalized(_ f: RunFixture, _ sql: String) throws -> [[String]] {
        let rows = try f.query(sql)
        let stamp = try NSRegularExpression(pattern: "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}$")
        func isStamp(_ s: String) -> Bool { stamp.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil }
        let stamps = Set(rows.flatMap { $0 }.filter(isStamp)).sorted()
        return rows.map { row in
            row.map { cell in
                if let i = stamps.firstIndex(of: cell) { return "T\(i + 1)" }
                return cell
            }
        }
    }

    @Test("three runs of every strategy and hard_deletes mode give dbt's rows")
    func matchesDBT() throws {
        let f = try Self.threeRuns()
        let timestampRows = [
            ["1", "a", "2024-01-01 00:00:00", "8bd6037542377309505ab720e545f24e", "2024-01-01 00:00:00", "2024-01-01 00:00:00", "NULL"],
            ["2", "B", "2024-01-02 00:00:00", "be323cda0eff23790bd0b1a5b161e526", "2024-01-02 00:00:00", "2024-01-02 00:00:00", "NULL"],
            ["2", "b", "2024-01-01 00:00:00", "f8e4dcba7004839b9c5b44a77923cd0a", "2024-01-01 00:00:00", "2024-01-01 00:00:00", "2024-01-02 00:00:00"],
            ["3", "c", "2024-01-01 00:00:00", "36d97e6f161bf778b28647771ac013ae", "2024-01-01 00:00:00", "2024-01-01 00:00:00", "2024-01-03 00:00:00"],
            ["3", "c2", "2024-01-03 00:00:00", "11540a041db89f55fb5b14382e7a24ea", "2024-01-03 00:00:00", "2024-01-03 00:00:00", "NULL"],
            ["4", "d", "2024-01-02 00:00:00", "c4b154367a0fd4ef8517fd84b9ae6619", "2024-01-02 00:00:00", "2024-01-02 00:00:00", "NULL"],
        ]
        let cols = "id, v, updated_at, dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to"
        // ignore: the vanished key 3 stays current until it comes back with a newer updated_at.
        #expect(try Self.normalized(f, "select \(cols) from ts_ignore order by 1, 2, 3") == timestampRows)
        // check_cols list with an updated_at column: same rows as timestamp.
        #expect(try Self.normalized(f, "select \(cols) from check_list order by 1, 2, 3") == timestampRows)
        #expect(try f.query("select name from pragma_table_info('ts_ignore') order by cid").map { $0[0] }
                == ["id", "v", "updated_at", "dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to"])

        // invalidate (and the legacy invalidate_hard_deletes): key 3 closed by run 2.
        var invalidated = timestampRows
        invalidated[3][6] = "T1"
        #expect(try Self.normalized(f, "select \(cols) from ts_invalidate order by 1, 2, 3") == invalidated)
        #expect(try Self.normalized(f, "select \(cols) from ts_legacy order by 1, 2, 3") == invalidated)

        // new_record: a deletion record (dbt_is_deleted = 'True') from run 2 to run 3.
        let newRecord = try Self.normalized(f, "select \(cols), dbt_is_deleted from ts_new_record order by 1, 2, 3, 5")
        #expect(newRecord.count == 7)
        #expect(newRecord.filter { $0[7] == "False" }.map { Array($0.prefix(7)) } == invalidated)
        let deletion = newRecord.first { $0[7] == "True" }
        #expect(deletion.map { Array($0[0...2]) + Array($0[4...7]) }
                == ["3", "c", "2024-01-01 00:00:00", "T1", "T1", "2024-01-03 00:00:00", "True"])
        // Its dbt_scd_id is md5(previous dbt_scd_id | run time).
        let run2Time = try f.query("select dbt_valid_from from ts_new_record where dbt_is_deleted = 'True'")[0][0]
        #expect(try f.query("select md5('36d97e6f161bf778b28647771ac013ae|\(run2Time)') = dbt_scd_id from ts_new_record where dbt_is_deleted = 'True'") == [["1"]])

        // check_cols all, no updated_at: run times throughout.
        #expect(try Self.normalized(f, "select id, v, dbt_updated_at, dbt_valid_from, dbt_valid_to, dbt_is_deleted from check_all order by 1, 2, 4") == [
            ["1", "a", "T1", "T1", "NULL", "False"],
            ["2", "B", "T2", "T2", "NULL", "False"],
            ["2", "b", "T1", "T1", "T2", "False"],
            ["3", "c", "T1", "T1", "T2", "False"],
            ["3", "c", "T2", "T2", "T3", "True"],
            ["3", "c2", "T3", "T3", "NULL", "False"],
            ["4", "d", "T2", "T2", "NULL", "False"],
        ])
        #expect(try f.query("select count(*) from check_all where dbt_scd_id = md5(id || '|' || dbt_updated_at) and dbt_is_deleted = 'False'") == [["6"]])

        // Composite key, custom meta column names, dbt_valid_to_current.
        #expect(try f.query("select name from pragma_table_info('custom_names') order by cid").map { $0[0] }
                == ["id", "k2", "v", "updated_at", "sid", "ua", "vf", "vt", "del"])
        let custom = try Self.normalized(f, "select id, k2, v, sid, vf, vt, del from custom_names order by 1, 2, 3, 5")
        #expect(custom == [
            ["1", "x1", "a", "d00a0990fec44cf618b885d52dbba3a4", "2024-01-01 00:00:00", "9999-12-31", "False"],
            ["2", "x2", "B", "fa5ca5c51d622bedd9b0a6048b15c0fb", "2024-01-02 00:00:00", "9999-12-31", "False"],
            ["2", "x2", "b", "91c80a9af34b26028788b8164523f1d3", "2024-01-01 00:00:00", "2024-01-02 00:00:00", "False"],
            ["3", "x3", "c", "0e740106b5d33c102b9f24a2127c90cc", "2024-01-01 00:00:00", "T1", "False"],
            [custom[4][0], "x3", "c", custom[4][3], "T1", "2024-01-03 00:00:00", "True"],
            ["3", "x3", "c2", "aa6d10130ab02f8c64d6994795ff7ffb", "2024-01-03 00:00:00", "9999-12-31", "False"],
            ["4", "x4", "d", "d8d2d703b8a0aedaaea5e8b8199222e7", "2024-01-02 00:00:00", "9999-12-31", "False"],
        ])
        #expect(custom[4][0] == "3")
    }

    @Test("a fourth run with nothing changed adds nothing, and a deleted key is recorded only once")
    func idempotent() throws {
        let f = try Self.threeRuns()
        try f.write(["seeds/src.csv": "id,v,updated_at\n1,a,2024-01-01 00:00:00\n"])
        try f.run(Self.snapshotTypes, fullRefresh: true)
        let before = try f.query("select count(*) from ts_new_record")
        let r = try f.run(Self.snapshotTypes, fullRefresh: true)
        #expect(r["ts_new_record"]?.message == "INSERT 0")
        #expect(try f.query("select count(*) from ts_new_record") == before)
        // Keys 2, 3 and 4 each have one current deletion record.
        #expect(try f.query("select id, count(*) from ts_new_record where dbt_is_deleted = 'True' and dbt_valid_to is null group by id order by id")
                == [["2", "1"], ["3", "1"], ["4", "1"]])
        #expect(r["custom_names"]?.message == "INSERT 0")
        #expect(try f.query("select id, count(*) from custom_names where del = 'True' and vt = '9999-12-31' group by id order by id")
                == [["2", "1"], ["3", "1"], ["4", "1"]])
        #expect(try f.query("select count(*) from ts_invalidate where dbt_valid_to is null") == [["1"]])
        #expect(try f.query("select count(*) from ts_ignore where dbt_valid_to is null") == [["4"]])
    }

    @Test("check strategy compares null-safely and only the listed columns")
    func checkNulls() throws {
        let snap = """
            {% snapshot s %}
            {{ config(unique_key='id', strategy='check', check_cols=['a'], target_schema='main') }}
            select * from {{ ref('src') }}
            {% endsnapshot %}
            """
        let f = try RunFixture(["seeds/src.csv": "id,a,b\n1,,x\n2,p,x\n3,,x\n", "snapshots/s.sql": snap])
        try f.run(Self.snapshotTypes)
        // 1: null -> q (changed); 2: p -> null (changed); 3: null -> null, b changed (not compared).
        try f.write(["seeds/src.csv": "id,a,b\n1,q,x\n2,,x\n3,,y\n"])
        let r = try f.run(Self.snapshotTypes)
        #expect(r["s"]?.message == "INSERT 2")
        #expect(try f.query("select id, a, b, dbt_valid_to is null from s order by id, dbt_valid_from") == [
            ["1", "NULL", "x", "0"], ["1", "q", "x", "1"],
            ["2", "p", "x", "0"], ["2", "NULL", "x", "1"],
            ["3", "NULL", "x", "1"],
        ])
    }

    @Test("a new column in the query is added to the table; with check_cols all every row changes")
    func newColumn() throws {
        let snap = { (cols: String) in """
            {% snapshot s %}
            {{ config(unique_key='id', strategy='check', check_cols='all', target_schema='main') }}
            select \(cols) from {{ ref('src') }}
            {% endsnapshot %}
            """ }
        let f = try RunFixture(["seeds/src.csv": "id,a\n1,x\n2,y\n", "snapshots/s.sql": snap("id, a")])
        try f.run(Self.snapshotTypes)
        try f.write(["snapshots/s.sql": snap("id, a, 'new' as extra")])
        let r = try f.run(Self.snapshotTypes)
        #expect(r["s"]?.status == .success, "\(r["s"]?.message ?? "")")
        #expect(try f.query("select id, extra, dbt_valid_to is null from s order by id, dbt_valid_from")
                == [["1", "NULL", "0"], ["1", "new", "1"], ["2", "NULL", "0"], ["2", "new", "1"]])
    }

    @Test("a unique_key that is not unique fails naming the snapshot, its file and a duplicated key; the table is untouched")
    func duplicateKey() throws {
        let snap = """
            {% snapshot orders_snap %}
            {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', target_schema='main') }}
            select * from {{ ref('src') }}
            {% endsnapshot %}
            """
        let f = try RunFixture(["seeds/src.csv": Self.run1, "snapshots/orders.sql": snap])
        try f.run(Self.snapshotTypes)
        let before = try f.query("select * from orders_snap order by id")
        try f.write(["seeds/src.csv": Self.run2 + "2,again,2024-01-05 00:00:00\n"])
        let r = try f.run(Self.snapshotTypes)["orders_snap"]
        #expect(r?.status == .error)
        let message = r?.message ?? ""
        #expect(message.hasPrefix("Runtime Error in snapshot orders_snap (snapshots/orders.sql)"), "\(message)")
        #expect(message.contains("snapshots/orders.sql"), "\(message)")
        #expect(message.contains("id = 2"), "\(message)")
        #expect(message.contains("not unique"), "\(message)")
        #expect(try f.query("select * from orders_snap order by id") == before)
        #expect(try f.query("select count(*) from sqlite_master where name like '%dbt_tmp%'") == [["0"]])

        // On a first run, no table is created; a composite key shows every part.
        let composite = """
            {% snapshot pairs %}
            {{ config(unique_key=['id', 'v'], strategy='check', check_cols='all', target_schema='main') }}
            select 1 as id, 'a' as v union all select 1, 'b' union all select 1, 'a'
            {% endsnapshot %}
            """
        try f.write(["snapshots/pairs.sql": composite])
        let p = try f.run([.snapshot])["pairs"]
        #expect(p?.status == .error)
        #expect(p?.message.contains("id = 1, v = 'a'") == true, "\(p?.message ?? "")")
        #expect(try f.query("select count(*) from sqlite_master where name = 'pairs'") == [["0"]])
    }

    @Test("bad configs fail with dbt's messages")
    func badConfig() throws {
        let f = try RunFixture([
            "seeds/src.csv": Self.run1,
            "snapshots/a.sql": "{% snapshot a %}{{ config(unique_key='id', strategy='timestamp', target_schema='main') }}select * from {{ ref('src') }}{% endsnapshot %}",
            "snapshots/b.sql": "{% snapshot b %}{{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate', invalidate_hard_deletes=true, target_schema='main') }}select * from {{ ref('src') }}{% endsnapshot %}",
            "snapshots/c.sql": "{% snapshot c %}{{ config(unique_key='id', strategy='check', target_schema='main') }}select * from {{ ref('src') }}{% endsnapshot %}",
        ])
        let r = try f.run(Self.snapshotTypes)
        #expect(r["a"]?.message.contains("must specify an updated_at configuration") == true, "\(r["a"]?.message ?? "")")
        #expect(r["b"]?.message.contains("cannot set both the invalidate_hard_deletes and hard_deletes") == true)
        #expect(r["c"]?.message.contains("must specify a check_cols configuration") == true)
        #expect(r.values.filter { $0.status == .error }.count == 3)
    }

    @Test("a target without the configured meta columns is refused, and left as it was")
    func notASnapshotTable() throws {
        let snap = { (extra: String) in """
            {% snapshot s %}
            {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', target_schema='main'\(extra)) }}
            select * from {{ ref('src') }}
            {% endsnapshot %}
            """ }
        let f = try RunFixture(["seeds/src.csv": Self.run1, "snapshots/s.sql": snap("")])
        try f.run(Self.snapshotTypes)
        try f.write(["seeds/src.csv": Self.run2, "snapshots/s.sql": snap(", snapshot_meta_column_names={'dbt_valid_to': 'valid_to'}")])
        let renamed = try f.run(Self.snapshotTypes)["s"]
        #expect(renamed?.message.contains("Snapshot target is missing configured columns (missing \"valid_to\")") == true, "\(renamed?.message ?? "")")
        try f.write(["snapshots/s.sql": snap(", hard_deletes='new_record'")])
        let deleted = try f.run(Self.snapshotTypes)["s"]
        #expect(deleted?.message.contains("(missing \"dbt_is_deleted\")") == true, "\(deleted?.message ?? "")")
        #expect(try f.query("select count(*) from s") == [["3"]])
    }

    @Test("build takes snapshots in DAG order, between the seeds they read and the models that read them")
    func buildOrder() throws {
        let f = try RunFixture([
            "seeds/src.csv": Self.run1,
            "snapshots/s.sql": """
                {% snapshot s %}
                {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at') }}
                select * from {{ ref('src') }}
                {% endsnapshot %}
                """,
            "models/current.sql": "{{ config(materialized='table') }}select id, v from {{ ref('s') }} where dbt_valid_to is null",
        ])
        let r = try f.run([.seed, .snapshot, .model, .test])
        #expect(r.values.allSatisfy { $0.status == .success }, "\(r.mapValues(\.message))")
        #expect(r["s"]?.message == "INSERT 3")
        #expect(try f.query("select count(*) from current") == [["3"]])
    }
}
