import Compile
import Jinja
import Testing

@Suite("QueryResultValue")
struct QueryResultValueTests {
    let table = QueryResultValue(columnNames: ["id", "name"], rows: [[1, "ann"], [2, "bob"], [3, .none]])

    func render(_ source: String) throws -> String {
        try renderWithContext(source, ["t": .object(table), "empty": .object(QueryResultValue.empty)])
    }

    @Test("rows by position and by column name", arguments: [
        ("{{ t.rows[0][0] }} {{ t.rows[1]['name'] }} {{ t.rows[-1][1] }}", "1 bob None"),
        ("{% for row in t.rows %}{{ row.id }}={{ row[1] }};{% endfor %}", "1=ann;2=bob;3=None;"),
        ("{% for row in t %}{% for v in row %}{{ v }},{% endfor %}{% endfor %}", "1,ann,2,bob,3,None,"),
        ("{{ t.rows[0].values() }} {{ t.rows[0].keys() }} {{ t.rows[0].dict() }}", "(1, 'ann') ('id', 'name') {'id': 1, 'name': 'ann'}"),
        ("{{ t.rows[0].get('name') }} {{ t.rows[0].get('x', 'd') }}", "ann d"),
    ])
    func rows(_ source: String, _ expected: String) throws {
        #expect(try render(source) == expected)
    }

    @Test("columns, names and lengths", arguments: [
        ("{{ t.columns[0].values() }}", "(1, 2, 3)"),
        ("{{ t.columns['name'].name }} {{ t.columns[1].values() | list }}", "name ['ann', 'bob', None]"),
        ("{{ t.column_names }}", "('id', 'name')"),
        ("{{ t | length }} {{ t.rows | length }} {{ t.columns | length }} {{ empty | length }}", "3 3 2 0"),
        ("{{ t.columns[0] | sum }}", "6"),
        ("[{{ t.print_table() }}]", "[None]"),
        ("{{ 'bob' in t.columns[1] }} {{ 'x' in t.rows[0] }}", "True False"),
    ])
    func columns(_ source: String, _ expected: String) throws {
        #expect(try render(source) == expected)
    }
}
