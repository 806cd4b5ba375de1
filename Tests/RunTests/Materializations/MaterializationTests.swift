import Run
import Testing

@Suite("Materializations on SQLite")
struct MaterializationTests {
    @Test("views, tables and tests build in dependency order")
    func buildsInOrder() throws {
        let f = try RunFixture([
            "seeds/people.csv": "id,name,age\n1,Ann,30\n2,Bo,\n3,Cy,41\n",
            "models/stg_people.sql": "select id, name, age from {{ ref('people') }}",
            "models/adults.sql": "{{ config(materialized='table') }}select * from {{ ref('stg_people') }} where age >= 18",
            "models/schema.yml": "version: 2\nmodels:\n  - name: adults\n    columns:\n      - name: id\n        data_tests: [unique, not_null]\n",
        ])
        let results = try f.run()
        #expect(results.values.allSatisfy { $0.status == .success || $0.status == .pass }, "\(results.mapValues(\.message))")
        #expect(results["adults"]?.message == "SELECT 2")
        #expect(results["people"]?.rowsAffected == 3)
        #expect(try f.query("select name from adults order by id") == [["Ann"], ["Cy"]])
        #expect(try f.query("select type from sqlite_master where name = 'stg_people'") == [["view"]])
    }

    @Test("a failing model leaves the previous table intact, skips its children, and independent models still build")
    func atomicFailure() throws {
        let f = try RunFixture([
            "models/t.sql": "{{ config(materialized='table') }}select 1 as id union all select 2",
            "models/child.sql": "{{ config(materialized='table') }}select * from {{ ref('t') }}",
            "models/other.sql": "{{ config(materialized='table') }}select 'ok' as status",
        ])
        try f.run()
        #expect(try f.query("select count(*) from t") == [["2"]])
        try f.write(["models/t.sql": "{{ config(materialized='table') }}select 1 as id union all select no_such_column"])
        let results = try f.run()
        #expect(results["t"]?.status == .error)
        #expect(results["t"]?.message.contains("no such column: no_such_column") == true)
        #expect(results["t"]?.message.contains("models/t.sql") == true)
        #expect(results["child"]?.status == .skipped)
        #expect(results["other"]?.status == .success)
        // The old table is still there, with its old rows.
        #expect(try f.query("select count(*) from t") == [["2"]])
        #expect(try f.query("select count(*) from sqlite_master where name like 't__dbt_tmp%'") == [["0"]])
    }

    @Test("a failing view leaves the previous view intact")
    func atomicView() throws {
        let f = try RunFixture(["models/v.sql": "select 1 as a"])
        try f.run()
        try f.write(["models/v.sql": "select from nowhere"])
        #expect(try f.run()["v"]?.status == .error)
        #expect(try f.query("select a from v") == [["1"]])
    }

    @Test("incremental strategies", arguments: ["append", "delete+insert", "merge", "insert_overwrite"])
    func incremental(_ strategy: String) throws {
        let model = """
            {{ config(materialized='incremental', unique_key='id', incremental_strategy='\(strategy)') }}
            select id, v from {{ ref('src') }}
            {% if is_incremental() %}where id >= (select max(id) from {{ this }}){% endif %}
            """
        let f = try RunFixture(["seeds/src.csv": "id,v\n1,a\n2,b\n", "models/inc.sql": model])
        try f.run()
        #expect(try f.query("select id, v from inc order by id") == [["1", "a"], ["2", "b"]])
        try f.write(["seeds/src.csv": "id,v\n1,a\n2,B\n3,c\n"])
        let second = try f.run()
        #expect(second["inc"]?.status == .success, "\(second["inc"]?.message ?? "")")
        let rows = try f.query("select id, v from inc order by id, v")
        switch strategy {
        case "append": #expect(rows == [["1", "a"], ["2", "B"], ["2", "b"], ["3", "c"]])
        case "insert_overwrite": #expect(rows == [["2", "B"], ["3", "c"]])
        default: #expect(rows == [["1", "a"], ["2", "B"], ["3", "c"]])
        }
        // --full-refresh rebuilds from scratch.
        try f.run(fullRefresh: true)
        #expect(try f.query("select id, v from inc order by id") == [["1", "a"], ["2", "B"], ["3", "c"]])
    }

    @Test("on_schema_change: fail, append_new_columns, sync_all_columns")
    func schemaChange() throws {
        for mode in ["fail", "append_new_columns", "sync_all_columns"] {
            let f = try RunFixture(["models/inc.sql": "{{ config(materialized='incremental', on_schema_change='\(mode)') }}select 1 as id, 'x' as old"])
            try f.run()
            try f.write(["models/inc.sql": "{{ config(materialized='incremental', on_schema_change='\(mode)') }}select 2 as id, 'y' as new"])
            let r = try f.run()["inc"]
            let columns = try f.query("select name from pragma_table_info('inc') order by cid").map { $0[0] }
            switch mode {
            case "fail":
                #expect(r?.status == .error)
                #expect(r?.message.contains("out of sync") == true)
                #expect(columns == ["id", "old"])
            case "append_new_columns":
                #expect(r?.status == .success)
                #expect(columns == ["id", "old", "new"])
            default:
                #expect(r?.status == .success)
                #expect(columns == ["id", "new"])
            }
        }
    }

    @Test("test severity, warn_if/error_if and a failing test skipping downstream models")
    func testStatuses() throws {
        let f = try RunFixture([
            "models/m.sql": "{{ config(materialized='table') }}select 1 as id union all select 1 union all select null",
            "models/downstream.sql": "select * from {{ ref('m') }}",
            "models/schema.yml": """
                version: 2
                models:
                  - name: m
                    columns:
                      - name: id
                        data_tests:
                          - unique
                          - not_null: {config: {severity: warn}}
                          - accepted_values: {values: [1], config: {error_if: '>5', warn_if: '>0'}}
                """,
        ])
        let r = try f.run()
        #expect(r["unique_m_id"]?.status == .fail)
        #expect(r["unique_m_id"]?.failures == 1)
        #expect(r["not_null_m_id"]?.status == .warn)
        let accepted = r.first { $0.key.hasPrefix("accepted_values") }?.value
        #expect(accepted?.status == .warn || accepted?.status == .pass)
        #expect(r["downstream"]?.status == .skipped)
    }

    @Test("pre- and post-hooks run inside the model's transaction")
    func hooks() throws {
        let f = try RunFixture([
            "models/log.sql": "{{ config(materialized='table') }}select 'start' as e",
            "models/m.sql": """
                -- depends_on: {{ ref('log') }}
                {{ config(materialized='table', pre_hook="insert into log values ('pre {{ this.name }}')",
                          post_hook=["insert into log values ('post')"]) }}
                select 1 as id
                """,
        ])
        let results = try f.run([.model], threads: 1)
        #expect(results["m"]?.status == .success, "\(results["m"]?.message ?? "")")
        #expect(try f.query("select e from log order by rowid").map { $0[0] } == ["start", "pre m", "post"])
    }

    @Test("seeds: a ragged CSV fails with file and line and keeps the loaded table")
    func badSeed() throws {
        let f = try RunFixture(["seeds/s.csv": "a,b\n1,2\n"])
        try f.run([.seed])
        try f.write(["seeds/s.csv": "a,b\n1,2\n3,4,5\n"])
        let r = try f.run([.seed])["s"]
        #expect(r?.status == .error)
        #expect(r?.message.contains("seeds/s.csv:3") == true, "\(r?.message ?? "")")
        #expect(try f.query("select a, b from s") == [["1", "2"]])
    }

    @Test("many threads build a wide project without corrupting the database")
    func concurrency() throws {
        var files: [String: String] = ["seeds/base.csv": "id\n" + (1...50).map(String.init).joined(separator: "\n") + "\n"]
        for i in 0..<40 {
            files["models/m\(i).sql"] = "{{ config(materialized='\(i % 2 == 0 ? "table" : "view")') }}select id * \(i) as v from {{ ref('base') }}"
        }
        let f = try RunFixture(files)
        let results = try f.run(threads: 8)
        #expect(results.values.allSatisfy { $0.status == .success }, "\(results.filter { $0.value.status != .success }.mapValues(\.message))")
        #expect(try f.query("pragma integrity_check") == [["ok"]])
        #expect(try f.query("select sum(v) from m4") == [[String(4 * 50 * 51 / 2)]])
    }
}

@Suite("Model contracts on SQLite")
struct ContractTests {
    private let properties = """
        version: 2
        models:
          - name: c
            config: {contract: {enforced: true}, materialized: table}
            columns:
              - name: id
                data_type: integer
                constraints: [{type: not_null}, {type: primary_key}]
              - name: label
                data_type: text
                constraints: [{type: not_null}, {type: check, expression: "length(label) < 5"}]
        """

    @Test("a matching contract builds the table with its declared types and constraints")
    func matching() throws {
        let f = try RunFixture(["models/c.sql": "select 1 as id, 'a' as label", "models/c.yml": properties])
        let r = try f.run([.model])["c"]
        #expect(r?.status == .success, "\(r?.message ?? "")")
        let ddl = try f.query("select sql from sqlite_master where name = 'c'").first?.first ?? ""
        #expect(ddl.contains("\"id\" integer not null primary key"), "\(ddl)")
        #expect(ddl.contains("\"label\" text not null check (length(label) < 5)"), "\(ddl)")
    }

    @Test("a contract mismatch fails before anything is built and shows the differences")
    func mismatch() throws {
        let f = try RunFixture(["models/c.sql": "select 1 as id, 'a' as label", "models/c.yml": properties])
        try f.run([.model])
        try f.write(["models/c.sql": "select 2 as id, 'b' as name"])
        let r = try f.run([.model])["c"]
        #expect(r?.status == .error)
        #expect(r?.message.contains("This model has an enforced contract that failed.") == true)
        #expect(r?.message.contains("| label | | text | missing in definition |") == true, "\(r?.message ?? "")")
        #expect(r?.message.contains("| name |") == true)
        #expect(try f.query("select id, label from c") == [["1", "a"]])
    }

    @Test("a constraint the data breaks fails the build and keeps the old table")
    func constraintViolation() throws {
        let f = try RunFixture(["models/c.sql": "select 1 as id, 'a' as label", "models/c.yml": properties])
        try f.run([.model])
        // (An `integer primary key` takes a rowid for null, as SQLite does, so break `label`.)
        try f.write(["models/c.sql": "select 2 as id, null as label"])
        let r = try f.run([.model])["c"]
        #expect(r?.status == .error)
        #expect(r?.message.contains("NOT NULL constraint failed") == true, "\(r?.message ?? "")")
        #expect(try f.query("select id from c") == [["1"]])
    }
}
