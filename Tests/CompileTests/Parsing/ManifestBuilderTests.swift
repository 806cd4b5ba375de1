import Compile
import Project
import Testing

@Suite("Parsing a project into a manifest")
struct ManifestBuilderTests {
    @Test("refs, sources and in-file config are captured at parse time")
    func capture() throws {
        let f = try CompileFixture([
            "models/a.sql": "{{ config(materialized='table', tags=['x']) }}select * from {{ source('raw', 'events') }}",
            "models/b.sql": "select * from {{ ref('a') }} join {{ ref('proj', 'c') }} using (id)",
            "models/c.sql": "select 1 as id",
            "models/sources.yml": "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: events\n",
        ], project: "models:\n  proj:\n    +materialized: view\n")
        let m = try f.manifest()
        let a = try #require(m.node("model.proj.a"))
        #expect(a.materialized == "table")
        #expect(a.tags == ["x"])
        #expect(a.dependsOnNodes == ["source.proj.raw.events"])
        let b = try #require(m.node("model.proj.b"))
        #expect(b.materialized == "view")
        #expect(b.dependsOnNodes == ["model.proj.a", "model.proj.c"])
        #expect(b.refs.map(\.name) == ["a", "c"])
        #expect(b.relationName == "main.\"b\"" || b.relationName == "\"main\".\"b\"")
    }

    @Test("config precedence: project folder, then properties, then config() in the file")
    func precedence() throws {
        let f = try CompileFixture([
            "models/staging/s.sql": "{{ config(alias='s_final') }}select 1",
            "models/staging/props.yml": """
                version: 2
                models:
                  - name: s
                    config: {materialized: table, alias: s_props, meta: {owner: data}}
                """,
        ], project: "models:\n  proj:\n    staging:\n      +materialized: view\n      +alias: s_project\n      +schema: stg\n")
        let s = try #require(try f.manifest().node("model.proj.s"))
        #expect(s.materialized == "table")
        #expect(s.alias == "s_final")
        #expect(s.schema == "main_stg")
        #expect(s.meta["owner"] == .string("data"))
        #expect(s.patchPath == "models/staging/props.yml")
    }

    @Test("generic tests get dbt's names and depend on what they test")
    func genericTests() throws {
        let f = try CompileFixture([
            "models/orders.sql": "select 1 as order_id, 'placed' as status, 1 as customer_id",
            "models/customers.sql": "select 1 as id",
            "models/schema.yml": """
                version: 2
                models:
                  - name: orders
                    columns:
                      - name: order_id
                        data_tests: [unique, not_null]
                      - name: customer_id
                        data_tests:
                          - relationships: {to: ref('customers'), field: id}
                      - name: status
                        data_tests:
                          - accepted_values: {values: [placed, shipped]}
                """,
        ])
        let m = try f.manifest()
        let tests = m.nodes.filter { $0.resourceType == .test }
        let names = Set(tests.map(\.name))
        #expect(names.contains("unique_orders_order_id"))
        #expect(names.contains("not_null_orders_order_id"))
        #expect(names.contains("accepted_values_orders_status__placed__shipped"))
        let rel = try #require(tests.first { $0.testMetadata?.name == "relationships" })
        #expect(Set(rel.dependsOnNodes) == ["model.proj.orders", "model.proj.customers"])
        #expect(rel.attachedNode == "model.proj.orders")
        #expect(rel.schema == "main_dbt_test__audit")
        let sql = try f.compileAll()
        #expect(sql["not_null_orders_order_id"]?.contains("where order_id is null") == true)
        #expect(sql["accepted_values_orders_status__placed__shipped"]?.contains("'placed','shipped'") == true)
    }

    @Test("ephemeral models become CTEs, nested ones first")
    func ephemerals() throws {
        let f = try CompileFixture([
            "models/e1.sql": "{{ config(materialized='ephemeral') }}select 1 as id",
            "models/e2.sql": "{{ config(materialized='ephemeral') }}select * from {{ ref('e1') }}",
            "models/m.sql": "select * from {{ ref('e2') }}",
            "models/w.sql": "with x as (select * from {{ ref('e1') }}) select * from x",
        ])
        let sql = try f.compileAll()
        let m = try #require(sql["m"])
        #expect(m == "with __dbt__cte__e1 as (\nselect 1 as id\n), __dbt__cte__e2 as (\nselect * from __dbt__cte__e1\n)\nselect * from __dbt__cte__e2")
        let w = try #require(sql["w"])
        #expect(w == "with __dbt__cte__e1 as (\nselect 1 as id\n), x as (select * from __dbt__cte__e1) select * from x")
    }

    @Test("a ref to a missing model names the file and suggests close names")
    func missingRef() throws {
        let f = try CompileFixture([
            "models/orders.sql": "select 1",
            "models/report.sql": "-- report\nselect * from {{ ref('order') }}",
        ])
        let e = try #require(f.parseError())
        #expect(e.kind == .missingRef)
        #expect(e.file == "models/report.sql")
        #expect(e.message == "Model 'model.proj.report' (models/report.sql) depends on a node named 'order' which was not found. Did you mean 'orders'?")
    }

    @Test("a missing source is an error with suggestions")
    func missingSource() throws {
        let f = try CompileFixture([
            "models/a.sql": "select * from {{ source('raw', 'event') }}",
            "models/sources.yml": "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: events\n",
        ])
        let e = try #require(f.parseError())
        #expect(e.kind == .missingSource)
        #expect(e.message.hasSuffix("Did you mean 'raw.events'?"))
    }

    @Test("two models with one name in different folders are rejected")
    func duplicates() throws {
        // The loader finds same-named files before any rendering.
        let f = try CompileFixture(["models/a/x.sql": "select 1", "models/b/x.sql": "select 2"])
        let e = try #require(f.parseError())
        #expect(e.message.contains("models/a/x.sql") && e.message.contains("models/b/x.sql"))
        #expect(e.message.contains("x"))
    }

    @Test("an unknown materialization is an error naming the model")
    func unknownMaterialization() throws {
        let f = try CompileFixture(["models/x.sql": "{{ config(materialized='tabel') }}select 1"])
        let e = try #require(f.parseError())
        #expect(e.kind == .unknownMaterialization)
        #expect(e.file == "models/x.sql")
        #expect(e.message.contains("'tabel'"))
    }

    @Test("a Jinja syntax error gives file, line and column")
    func jinjaError() throws {
        let f = try CompileFixture(["models/x.sql": "select\n  {{ ref('a' }}\nfrom t"])
        let e = try #require(f.parseError())
        #expect(e.kind == .jinja)
        #expect(e.file == "models/x.sql")
        #expect(e.line == 2)
        #expect(e.description.contains("2 |   {{ ref('a' }}"))
    }

    @Test("a cycle is reported with its path")
    func cycle() throws {
        let f = try CompileFixture(["models/a.sql": "select * from {{ ref('b') }}", "models/b.sql": "select * from {{ ref('a') }}"])
        let e = try #require(f.parseError())
        #expect(e.kind == .cycle)
        #expect(e.message.contains("model.proj.a") && e.message.contains("model.proj.b"))
    }

    @Test("a ref to a disabled model says so")
    func disabledRef() throws {
        let f = try CompileFixture([
            "models/a.sql": "{{ config(enabled=false) }}select 1",
            "models/b.sql": "select * from {{ ref('a') }}",
        ])
        let e = try #require(f.parseError())
        #expect(e.message.contains("which is disabled"))
    }

    @Test("var() reads project vars and --vars; a missing var is an error")
    func vars() throws {
        let f = try CompileFixture(["models/a.sql": "select '{{ var(\"start\") }}' as s, '{{ var(\"x\", \"dflt\") }}' as x"],
                                   project: "vars:\n  start: '2024-01-01'\n")
        #expect(try f.compileAll()["a"] == "select '2024-01-01' as s, 'dflt' as x")
        let g = try CompileFixture(["models/a.sql": "select {{ var('nope') }}"])
        let e = try #require(g.parseError())
        #expect(e.kind == .raised)
        #expect(e.message.hasPrefix("Required var 'nope' not found in config"))
        #expect(e.file == "models/a.sql")
    }

    @Test("dispatch picks the adapter's implementation, and a project macro overrides generate_schema_name")
    func dispatchAndOverrides() throws {
        let f = try CompileFixture([
            "models/a.sql": "{{ config(schema='marts') }}select {{ dbt.datediff(\"'2024-01-01'\", \"'2024-02-01'\", 'day') }} as d",
            "macros/naming.sql": """
                {% macro generate_schema_name(custom_schema_name, node) -%}
                    {{ custom_schema_name or target.schema }}
                {%- endmacro %}
                """,
        ])
        let session = try f.session()
        let manifest = try ManifestBuilder(session: session).build()
        let a = try #require(manifest.node("model.proj.a"))
        #expect(a.schema == "marts")
        #expect(a.dependsOnMacros.contains("macro.dbt.datediff"))
        let sql = try Compiler(session: session, manifest: manifest).compileNode("model.proj.a").compiledCode
        #expect(sql?.contains("datediff") == true)
    }

    @Test("postgres targets render database.schema.identifier")
    func postgresNames() throws {
        let f = try CompileFixture(["models/a.sql": "select 1", "models/b.sql": "select * from {{ ref('a') }}"])
        let sql = try f.compileAll(target: "pg")
        #expect(sql["b"] == "select * from \"analytics\".\"dev\".\"a\"")
    }

    @Test("snapshots are parsed from their blocks")
    func snapshots() throws {
        let f = try CompileFixture([
            "models/src.sql": "select 1 as id, '2024-01-01' as updated_at",
            "snapshots/snap.sql": """
                {% snapshot orders_snapshot %}
                {{ config(target_schema='snapshots', unique_key='id', strategy='timestamp', updated_at='updated_at') }}
                select * from {{ ref('src') }}
                {% endsnapshot %}
                """,
        ])
        let m = try f.manifest()
        let s = try #require(m.node("snapshot.proj.orders_snapshot"))
        #expect(s.schema == "snapshots")
        #expect(s.config.strategy == "timestamp")
        #expect(s.dependsOnNodes == ["model.proj.src"])
        #expect(s.fqn == ["proj", "snap", "orders_snapshot"])
    }
}
