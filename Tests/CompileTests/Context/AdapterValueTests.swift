import Warehouse
import Compile
import Jinja
import Testing

@Suite("AdapterValue")
struct AdapterValueTests {
    let orders = Value.object(RelationValue(database: "warehouse", schema: "analytics", identifier: "orders", type: .table))
    let ordersNew = Value.object(RelationValue(database: "warehouse", schema: "analytics", identifier: "orders_new", type: .table))

    func render(_ source: String, isParsing: Bool = false, warehouse: any WarehouseIntrospecting = FakeWarehouse()) throws -> String {
        try renderWithContext(source, ["orders": orders, "orders_new": ordersNew], isParsing: isParsing, warehouse: warehouse)
    }

    @Test("dispatch goes to the dispatcher and returns a callable")
    func dispatch() throws {
        #expect(try render("{{ adapter.dispatch('datediff', 'dbt')('a', 'b') }}") == "dbt.postgres__datediff('a', 'b')")
        #expect(try render("{{ adapter.dispatch(macro_name='hash')('x') }}") == "postgres__hash('x')")
        #expect(throws: JinjaError.self) { try render("{{ adapter.dispatch('missing')() }}") }
        #expect(throws: JinjaError.self) { try render("{{ adapter.dispatch('dbt.hash')() }}") }
    }

    @Test("quoting and type")
    func quoting() throws {
        #expect(try render("{{ adapter.quote('my col') }} {{ adapter.type() }}") == #""my col" postgres"#)
        #expect(try render("{{ adapter.quote_as_configured('s', 'schema') }} {{ adapter.quote_as_configured('x', 'column') }}")
            == #""s" x"#)
        let lite = try renderWithContext("{{ adapter.quote_as_configured('s', 'schema') }}.{{ adapter.quote_as_configured('t', 'identifier') }}", policy: .sqlite)
        #expect(lite == #"s."t""#)
    }

    @Test("introspection through the warehouse")
    func introspection() throws {
        #expect(try render("{{ adapter.get_relation('warehouse', 'analytics', 'orders') }}") == #""warehouse"."analytics"."orders""#)
        #expect(try render("{{ adapter.get_relation(database='warehouse', schema='analytics', identifier='nope') is none }}") == "True")
        #expect(try render("{% for c in adapter.get_columns_in_relation(orders) %}{{ c.name }}:{{ c.data_type }};{% endfor %}")
            == "id:integer;status:character varying(20);")
        #expect(try render("{{ adapter.get_missing_columns(orders_new, orders) }}") == "[<Column amount (numeric(10,2))>]")
        #expect(try render("{{ adapter.list_relations_without_caching(orders.without_identifier()) | map('string') | join(', ') }}")
            == #""warehouse"."analytics"."orders", "warehouse"."analytics"."orders_new""#)
        #expect(try render("{{ adapter.check_schema_exists('warehouse', 'analytics') }} {{ adapter.check_schema_exists('warehouse', 'x') }}") == "True False")
        #expect(try render("{{ adapter.already_exists('analytics', 'orders') }}") == "True")
    }

    @Test("DDL and execute go to the warehouse")
    func ddl() throws {
        let warehouse = FakeWarehouse()
        let out = try render("""
            {%- do adapter.drop_relation(orders) -%}
            {%- do adapter.rename_relation(orders_new, orders) -%}
            {%- do adapter.truncate_relation(orders) -%}
            {%- do adapter.create_schema(orders) -%}
            {%- do adapter.drop_schema(orders) -%}
            {%- do adapter.expand_target_column_types(orders_new, orders) -%}
            {%- set response, table = adapter.execute('select 1', fetch=True) -%}
            {{ response }} {{ response.code }} {{ response.rows_affected }} {{ table.rows[0]['status'] }} {{ table | length }}
            """, warehouse: warehouse)
        #expect(out == "SELECT 2 SELECT 2 open 2")
        #expect(warehouse.calls == ["drop orders", "rename orders_new to orders", "truncate orders", "create schema analytics",
                                    "drop schema analytics", "execute select 1 fetch=true"])
        #expect(try render("{{ adapter.execute('select 1')[1] | length }}") == "0")
    }

    @Test("while parsing, warehouse methods return dbt's placeholders and never call it")
    func parsing() throws {
        let warehouse = FakeWarehouse()
        let out = try render("""
            {{ adapter.get_relation('warehouse', 'analytics', 'orders') }}|\
            {{ adapter.get_columns_in_relation(orders) }}|\
            {{ adapter.get_missing_columns(orders_new, orders) }}|\
            {{ adapter.check_schema_exists('warehouse', 'analytics') }}|\
            {{ adapter.already_exists('analytics', 'orders') }}|\
            {{ adapter.drop_relation(orders) }}|\
            {%- set response, table = adapter.execute('select 1', fetch=True) -%}
            [{{ response }}] {{ table | length }}
            """, isParsing: true, warehouse: warehouse)
        #expect(out == "None|[]|[]|False|False|None|[] 0")
        #expect(warehouse.calls.isEmpty)
    }

    @Test("without a warehouse, a compile says what needed one")
    func noWarehouse() throws {
        do {
            _ = try render("{{ adapter.get_columns_in_relation(orders) }}", warehouse: NoWarehouse())
            Issue.record("expected an error")
        } catch let error as JinjaError {
            let reason = try #require(error.underlying as? CompilationError)
            #expect(reason.kind == .noWarehouse)
            #expect(reason.message == "adapter.get_columns_in_relation needs a warehouse connection; ingot compile runs without one for now")
        }
    }

    @Test("relation arguments must be relations")
    func argumentTypes() throws {
        #expect(throws: JinjaError.self) { try render("{{ adapter.get_columns_in_relation('orders') }}") }
    }
}
