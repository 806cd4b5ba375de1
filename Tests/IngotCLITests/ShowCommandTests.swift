import Foundation
import Testing

@Suite("ingot show")
struct ShowCommandTests {
    static let files = [
        "models/a.sql": "select 1 as id, 'alpha' as name, 3.5 as score, null as note\nunion all select 22, 'b', 10.25, 'x'",
        "models/eph.sql": "{{ config(materialized='ephemeral') }}\nselect id * 2 as dbl from {{ ref('a') }}",
        "models/many.sql": "with recursive n(i) as (select 1 union all select i + 1 from n where i < 8) select i from n order by i",
    ]

    @Test("-s model prints dbt's table: header, separator, text left, numbers right with aligned decimals")
    func selectModel() throws {
        let dir = try IngotRunner.sqliteProject(Self.files)
        let out = try IngotRunner.run(["show", "-s", "a"], in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("""
            Previewing node 'a':
            | id | name  | score | note |
            | -- | ----- | ----- | ---- |
            |  1 | alpha |  3.50 |      |
            | 22 | b     | 10.25 | x    |

            """), "\(out.stdout)")
    }

    @Test("--quiet prints only the table")
    func quiet() throws {
        let dir = try IngotRunner.sqliteProject(Self.files)
        let out = try IngotRunner.run(["show", "-s", "a", "--quiet"], in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "| id | name  | score | note |\n| -- | ----- | ----- | ---- |\n|  1 | alpha |  3.50 |      |\n| 22 | b     | 10.25 | x    |\n\n")
    }

    @Test("--inline reads ephemeral models through their CTEs; --limit cuts the rows")
    func inlineEphemeral() throws {
        let dir = try IngotRunner.sqliteProject(Self.files)
        #expect(try IngotRunner.run(["run", "-s", "a"], in: dir).status == 0)
        let out = try IngotRunner.run(["show", "--inline", "select * from {{ ref('eph') }} order by dbl", "--limit", "1"], in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Previewing inline node:\n| dbl |\n| --- |\n|   2 |\n\n"), "\(out.stdout)")
    }

    @Test("the default limit is 5 rows; --limit -1 shows them all")
    func limits() throws {
        let dir = try IngotRunner.sqliteProject(Self.files)
        let five = try IngotRunner.run(["show", "-s", "many", "-q"], in: dir)
        #expect(five.stdout.split(separator: "\n").count == 2 + 5, "\(five.stdout)")
        let all = try IngotRunner.run(["show", "-s", "many", "-q", "--limit", "-1"], in: dir)
        #expect(all.stdout.split(separator: "\n").count == 2 + 8, "\(all.stdout)")
        #expect(all.stdout.hasSuffix("| 8 |\n\n"))
    }

    @Test("--output json prints the rows as objects, with the node's name for -s")
    func json() throws {
        let dir = try IngotRunner.sqliteProject(Self.files)
        let node = try IngotRunner.run(["show", "-s", "a", "--output", "json", "-q"], in: dir)
        #expect(node.status == 0, "\(node.stderr)")
        #expect(node.stdout == """
            {
              "node": "a",
              "show": [
                {
                  "id": 1,
                  "name": "alpha",
                  "score": 3.5,
                  "note": null
                },
                {
                  "id": 22,
                  "name": "b",
                  "score": 10.25,
                  "note": "x"
                }
              ]
            }

            """)
        let inline = try IngotRunner.run(["show", "--inline", "select 'é' as y", "--output", "json", "-q"], in: dir)
        #expect(inline.stdout == "{\n  \"show\": [\n    {\n      \"y\": \"\\u00e9\"\n    }\n  ]\n}\n")
    }

    @Test("without -s or --inline exits 2; a query the warehouse rejects exits 1 with its message")
    func errors() throws {
        let dir = try IngotRunner.sqliteProject(Self.files)
        let none = try IngotRunner.run(["show"], in: dir)
        #expect(none.status == 2)
        #expect(none.stderr.contains("Either --select or --inline must be passed to show"))
        let bad = try IngotRunner.run(["show", "--inline", "select * from missing_table"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("no such table: missing_table"), "\(bad.stderr)")
        let jinja = try IngotRunner.run(["show", "--inline", "select {{ ref('nope') }}"], in: dir)
        #expect(jinja.status == 1)
        #expect(jinja.stderr.contains("Compilation Error"), "\(jinja.stderr)")
    }
}
