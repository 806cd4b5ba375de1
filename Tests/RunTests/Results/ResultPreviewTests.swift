import Foundation
import Testing
import Warehouse
@testable import Run

@Suite("show's table and JSON")
struct ResultPreviewTests {
    @Test("numbers right-aligned with the column's decimal places; text left; nulls empty")
    func basic() {
        let p = ResultPreview(columnNames: ["id", "name", "score", "note"], rows: [
            [.int(1), .string("alpha"), .double(3.5), .null],
            [.int(22), .string("b"), .double(10.25), .string("x")],
        ])
        #expect(p.table == """
            | id | name  | score | note |
            | -- | ----- | ----- | ---- |
            |  1 | alpha |  3.50 |      |
            | 22 | b     | 10.25 | x    |

            """)
    }

    @Test("agate's limits: 6 columns then ..., 20 characters a cell, 3 decimals with …")
    func limits() {
        let p = ResultPreview(columnNames: ["big", "neg", "f", "s", "b", "d", "ts"], rows: [
            [.int(1234567), .int(-3), .double(1.123456789), .string("a very long string value that exceeds"), .bool(true), .string("2024-01-02"), .null],
            [.int(2), .int(10), .double(100.5), .string("x"), .bool(false), .null, .null],
        ])
        #expect(p.table == """
            |     big | neg |        f | s                    |     b |          d | ... |
            | ------- | --- | -------- | -------------------- | ----- | ---------- | --- |
            | 1234567 |  -3 |   1.123… | a very long strin... |  True | 2024-01-02 | ... |
            |       2 |  10 | 100.500… | x                    | False |            | ... |

            """)
    }

    @Test("decimal places as Python's Decimal counts them", arguments: [
        (QueryCell.double(3.0), 0), (.double(0.1), 1), (.double(1e-5), 5), (.double(2.50), 1), (.int(7), 0), (.double(1e20), 0),
    ])
    func places(_ cell: QueryCell, _ expected: Int) {
        #expect(ResultPreview.decimalPlaces(cell) == expected)
    }

    @Test("rounding half-even to the column's places")
    func rounding() {
        #expect(ResultPreview.format(.double(2.0005), places: 3, truncated: true) == "2.000…")
        #expect(ResultPreview.format(.double(-0.0001), places: 3, truncated: true) == "-0.000…")
        #expect(ResultPreview.format(.double(1234567.5), places: 3, truncated: true) == "1,234,567.500…")
        #expect(ResultPreview.format(.double(-1234.5), places: 1, truncated: false) == "-1,234.5")
        #expect(ResultPreview.format(.int(5), places: 2, truncated: false) == "5.00")
        #expect(ResultPreview.format(.double(1e-5), places: 3, truncated: true) == "0.000…")
    }

    @Test("no rows still prints the header; widths count characters, not bytes")
    func emptyAndUnicode() {
        #expect(ResultPreview(columnNames: ["a"], rows: []).table == "| a |\n| - |\n")
        #expect(ResultPreview(columnNames: ["u"], rows: [[.string("é✓")]]).table == "| u  |\n| -- |\n| é✓ |\n")
    }

    @Test("JSON as json.dumps(indent=2) with ensure_ascii")
    func json() {
        let p = ResultPreview(columnNames: ["x", "y", "z", "n", "b"], rows: [[.int(1), .string("é\"\n"), .double(2.5), .null, .bool(true)]])
        #expect(p.json(node: nil) == """
            {
              "show": [
                {
                  "x": 1,
                  "y": "\\u00e9\\"\\n",
                  "z": 2.5,
                  "n": null,
                  "b": true
                }
              ]
            }
            """)
        #expect(ResultPreview(columnNames: ["a"], rows: []).json(node: "m") == "{\n  \"node\": \"m\",\n  \"show\": []\n}")
    }
}
