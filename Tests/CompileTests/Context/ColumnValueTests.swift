import Compile
import Jinja
import Testing

@Suite("ColumnValue")
struct ColumnValueTests {
    func render(_ source: String) throws -> String {
        try renderWithContext(source, [
            "s": .object(ColumnValue(name: "status", dtype: "varchar", charSize: 20)),
            "t": .object(ColumnValue(name: "notes", dtype: "text")),
            "n": .object(ColumnValue(name: "amount", dtype: "numeric", numericPrecision: 10, numericScale: 2)),
            "i": .object(ColumnValue(name: "id", dtype: "integer")),
            "f": .object(ColumnValue(name: "ratio", dtype: "double precision")),
            "ts": .object(ColumnValue(name: "at", dtype: "timestamp")),
        ])
    }

    @Test("data_type rebuilds the full type as dbt does", arguments: [
        ("{{ s.data_type }}", "character varying(20)"),
        ("{{ t.data_type }}", "character varying(256)"),
        ("{{ n.data_type }}", "numeric(10,2)"),
        ("{{ i.data_type }} {{ ts.data_type }} {{ f.expanded_data_type }}", "integer timestamp double precision"),
        ("{{ s.dtype }} {{ s.char_size }} {{ n.numeric_precision }} {{ n.numeric_scale }} {{ i.char_size }}", "varchar 20 10 2 None"),
    ])
    func dataType(_ source: String, _ expected: String) throws {
        #expect(try render(source) == expected)
    }

    @Test("names and printing")
    func names() throws {
        #expect(try render("{{ s.name }} {{ s.column }} {{ s.quoted }}") == #"status status "status""#)
        #expect(try render("{{ s }} | {{ [i] }}") == "<Column status (character varying(20))> | [<Column id (integer)>]")
    }

    @Test("type predicates")
    func predicates() throws {
        let source = "{% for c in [s, t, n, i, f, ts] %}{{ c.is_string() }}{{ c.is_number() }}{{ c.is_numeric() }}{{ c.is_integer() }}{{ c.is_float() }};{% endfor %}"
        #expect(try render(source) == "TrueFalseFalseFalseFalse;TrueFalseFalseFalseFalse;FalseTrueTrueFalseFalse;FalseTrueFalseTrueFalse;FalseTrueFalseFalseTrue;FalseFalseFalseFalseFalse;")
    }

    @Test("string sizes and types")
    func strings() throws {
        #expect(try render("{{ s.string_size() }} {{ t.string_size() }} {{ s.string_type(40) }}") == "20 256 character varying(40)")
        #expect(throws: JinjaError.self) { try render("{{ i.string_size() }}") }
        #expect(try render("{{ s.can_expand_to(t) }} {{ t.can_expand_to(s) }}") == "True False")
    }

    @Test("api.Column builds columns")
    func apiColumn() throws {
        #expect(try render("{{ api.Column.create('x', 'STRING') }}") == "<Column x (character varying(256))>")
        #expect(try render("{{ api.Column.create('x', 'integer').dtype }}") == "integer")
        #expect(try render("{{ api.Column('y', 'varchar', char_size=5).data_type }}") == "character varying(5)")
        #expect(try render("{{ api.Column.from_description('z', 'numeric(12,3)').data_type }}") == "numeric(12,3)")
        #expect(try render("{{ api.Column.translate_type('string') }} {{ api.Column.translate_type('int') }}") == "TEXT int")
    }
}
