import Compile
import Jinja
import Testing

@Suite("RelationValue")
struct RelationValueTests {
    let orders = RelationValue(database: "db", schema: "analytics", identifier: "orders", type: .table, policy: .postgres)

    func render(_ source: String, policy: RelationPolicy = .postgres) throws -> String {
        try renderWithContext(source, ["rel": .object(orders), "lite": .object(
            RelationValue(database: "main", schema: "main", identifier: "orders", type: .view, policy: .sqlite))],
            policy: policy)
    }

    @Test("prints the quoted, dotted name under the adapter's policy", arguments: [
        ("{{ rel }}", #""db"."analytics"."orders""#),
        ("{{ rel | string }}", #""db"."analytics"."orders""#),
        ("{{ rel.render() }}", #""db"."analytics"."orders""#),
        ("{{ lite }}", #"main."orders""#),
        ("{{ [rel] }}", #"[<BaseRelation "db"."analytics"."orders">]"#),
    ])
    func printing(_ source: String, _ expected: String) throws {
        #expect(try render(source) == expected)
    }

    @Test("parts, name and type flags")
    func attributes() throws {
        #expect(try render("{{ rel.database }} {{ rel.schema }} {{ rel.identifier }} {{ rel.name }} {{ rel.table }}")
            == "db analytics orders orders orders")
        #expect(try render("{{ rel.type }} {{ rel.is_table }} {{ rel.is_view }} {{ rel.is_cte }}") == "table True False False")
        #expect(try render("{{ lite.type }} {{ lite.is_view }} {{ lite['schema'] }}") == "view True main")
        #expect(try render("{{ rel.incorporate(type=none).type }}") == "None")
    }

    @Test("include and quote return changed copies")
    func includeAndQuote() throws {
        #expect(try render("{{ rel.include(database=false) }}") == #""analytics"."orders""#)
        #expect(try render("{{ rel.include(database=false, schema=false) }}") == #""orders""#)
        #expect(try render("{{ rel.quote(identifier=false) }} {{ rel }}") == #""db"."analytics".orders "db"."analytics"."orders""#)
        #expect(try render("{{ rel.quote(database=false, schema=false, identifier=false) }}") == "db.analytics.orders")
        #expect(try render("{{ lite.include(database=true) }}") == #"main.main."orders""#)
        #expect(try render("{{ lite.quote(schema=true) }}") == #""main"."orders""#)
    }

    @Test("incorporate, replace_path and without_identifier")
    func derived() throws {
        #expect(try render("{{ rel.incorporate(path={'identifier': 'orders__tmp'}) }}") == #""db"."analytics"."orders__tmp""#)
        #expect(try render("{% set r = rel.incorporate(path={'schema': 'staging'}, type='view') %}{{ r }} {{ r.type }}")
            == #""db"."staging"."orders" view"#)
        #expect(try render("{{ rel.incorporate(path={'database': none}) }}") == #""analytics"."orders""#)
        #expect(try render("{{ rel.replace_path(identifier='x') }}") == #""db"."analytics"."x""#)
        #expect(try render("{{ rel.without_identifier() }}") == #""db"."analytics""#)
        #expect(throws: JinjaError.self) { try render("{{ rel.incorporate(type='snapshot') }}") }
    }

    @Test("an ephemeral model's relation is its bare CTE name")
    func ephemeral() throws {
        let cte = RelationValue.ephemeral("stg_orders")
        #expect(cte.rendered == "__dbt__cte__stg_orders")
        #expect(try renderWithContext("{{ r }} {{ r.is_cte }}", ["r": .object(cte)]) == "__dbt__cte__stg_orders True")
    }

    @Test("the quote character comes from the policy and is doubled inside names")
    func quoteCharacter() {
        let backticks = RelationPolicy(quoteCharacter: "`")
        #expect(RelationValue(database: "d", schema: "s", identifier: "t", policy: backticks).rendered == "`d`.`s`.`t`")
        #expect(RelationValue(schema: "s", identifier: #"a"b"#).rendered == #""s"."a""b""#)
    }

    @Test("equality and hashing go by rendered name")
    func equality() {
        let same = RelationValue(database: "db", schema: "analytics", identifier: "orders", type: .view)
        #expect(orders == same)
        #expect(Set([orders, same]).count == 1)
        #expect(orders != RelationValue(schema: "analytics", identifier: "orders"))
    }

    @Test("api.Relation.create uses the adapter's policy")
    func apiCreate() throws {
        #expect(try render("{{ api.Relation.create(database='d', schema='s', identifier='t', type='view').is_view }}") == "True")
        #expect(try render("{{ api.Relation.create(schema='s', identifier='t') }}") == #""s"."t""#)
        #expect(try render("{{ api.Relation.create(database='d', schema='s', identifier='t') }}", policy: .sqlite) == #"s."t""#)
        #expect(try render("{{ api.Relation.create(identifier='t', quote_policy={'identifier': false}) }}") == "t")
        #expect(try render("{{ api.Relation.View }} {{ api.Relation.Table }}") == "view table")
    }
}
