import Foundation
import Testing
import Warehouse
@testable import Run

@Suite struct SeedTableTests {
    func load(_ text: String, _ options: SeedOptions = SeedOptions(), mapping: some SeedTypeMapping = SQLiteSeedTypeMapping()) throws -> SeedTable {
        try SeedTable.load(text: text, file: "seeds/customers.csv", options: options, mapping: mapping)
    }

    func error(_ text: String, _ options: SeedOptions = SeedOptions()) -> SeedError? {
        do {
            _ = try load(text, options)
            return nil
        } catch let e as SeedError {
            return e
        } catch {
            return nil
        }
    }

    /// Values as dbt-sqlite stores them: agate's Decimal → str → affinity (integer column: int;
    /// float8: real), bools as 1/0 (sqlite3 binds True as 1), dates and datetimes through
    /// sqlite3's default adapters (`isoformat()`, `isoformat(" ")`: `Z` becomes `+00:00`,
    /// milliseconds print as six digits), text untouched.
    @Test func sqliteValues() throws {
        let t = try load("""
            id,amount,paid,day,at,iso,note
            1,1.5,true,2020-1-5,2020-01-05 10:00:00,2020-01-05T10:00:00.123+05:30, hi 
            2,$1000,FALSE,2020-12-31,2020-12-31 23:59:59,2020-12-31T23:59:59Z,null
            3.0,,,,,,
            """)
        #expect(t.columnNames == ["id", "amount", "paid", "day", "at", "iso", "note"])
        #expect(t.columns.map(\.sqlType) == ["integer", "float8", "boolean", "date", "timestamp without time zone",
                                              "timestamp without time zone", "text"])
        #expect(t.rows == [
            [.int(1), .double(1.5), .int(1), .string("2020-01-05"), .string("2020-01-05 10:00:00"),
             .string("2020-01-05 10:00:00.123000+05:30"), .string(" hi ")],
            [.int(2), .double(1000), .int(0), .string("2020-12-31"), .string("2020-12-31 23:59:59"),
             .string("2020-12-31 23:59:59+00:00"), .null],
            [.int(3), .null, .null, .null, .null, .null, .null],
        ])
        #expect(t.rowLines == [2, 3, 4])
    }

    @Test func postgresBooleans() throws {
        let t = try load("b\ntrue\nFalse\n\n", mapping: PostgresSeedTypeMapping())
        #expect(t.rows == [[.bool(true)], [.bool(false)], [.null]])
    }

    @Test func numbersConvertExactly() throws {
        let t = try load("i,d\n1e3,0.1\n-$5,2E-1\n99999999999999999999,-1.25\nInfinity,NaN\n")
        #expect(t.columns.map(\.inferredKind) == [.integer, .number])
        #expect(t.rows == [
            [.int(1000), .double(0.1)],
            [.int(-5), .double(0.2)],
            [.string("99999999999999999999"), .double(-1.25)],
            [.string("Infinity"), .string("NaN")],
        ])
    }

    /// `Decimal(d) * sign` rounds to 28 significant digits (half even), and NaN keeps its payload
    /// but not agate's leading `-` (what dbt stored: `1.234567890123456789012345678E+28`, `NaN12`, `NaN`).
    @Test func decimalContextRounding() throws {
        let t = try load("x,n\n12345678901234567890123456785,NaN12\n0.5,-nan\n")
        #expect(t.columns.map(\.sqlType) == ["float8", "integer"])
        #expect(t.rows == [[.double(Double("1.234567890123456789012345678e28")!), .string("NaN12")], [.double(0.5), .string("NaN")]])
    }

    @Test func blankLineRowIsAllNulls() throws {
        let t = try load("a,b\n1,x\n\n2,y\n")
        #expect(t.rows == [[.int(1), .string("x")], [.null, .null], [.int(2), .string("y")]])
    }

    // MARK: column_types

    /// dbt matches `column_types` keys to header names exactly (`ID` does not override `id`:
    /// checked with dbt-duckdb, where `id` stayed INTEGER) and reads an overridden column as text.
    @Test func overridesByExactName() throws {
        let t = try load("id,zip,name\n1,01234,a\n", SeedOptions(columnTypes: ["ID": "text", "zip": "varchar(5)"]))
        #expect(t.columns.map(\.sqlType) == ["integer", "varchar(5)", "text"])
        #expect(t.columns[1].inferredKind == .integer)
        #expect(t.columns[1].inferredType == "integer")
        #expect(t.rows == [[.int(1), .string("01234"), .string("a")]])
    }

    @Test func overrideCasts() throws {
        let t = try load("""
            i,n,f,b,d,ts,txt
             42 ,1.50,2.5,yes,2020-01-05,2020-01-05 10:00:00.5,null
            -7,NaN,1e3,0,2020-1-5,2020-01-05,
            """, SeedOptions(columnTypes: ["i": "bigint", "n": "numeric(10,2)", "f": "double precision", "b": "bool",
                                           "d": "date", "ts": "timestamp", "txt": "varchar(3)"]))
        #expect(t.rows == [
            [.int(42), .string("1.50"), .double(2.5), .int(1), .string("2020-01-05"), .string("2020-01-05 10:00:00.500000"), .null],
            [.int(-7), .string("NaN"), .double(1000), .int(0), .string("2020-01-05"), .string("2020-01-05 00:00:00"), .null],
        ])
    }

    @Test func overrideMismatches() {
        let csv = "id,name\n1,a\n2,b\n3,c\n4,d\n5,e\nabc,f\n"
        let e = error(csv, SeedOptions(columnTypes: ["id": "integer"]))
        #expect(e?.kind == .badValue)
        #expect(e?.description == "seeds/customers.csv:7: column \"id\" is integer in column_types, but \"abc\" is not an integer")
        #expect(error("x\n1.5\n", SeedOptions(columnTypes: ["x": "int"]))?.description
            == "seeds/customers.csv:2: column \"x\" is int in column_types, but \"1.5\" is not an integer")
        #expect(error("x\n$5\n", SeedOptions(columnTypes: ["x": "numeric"]))?.description
            == "seeds/customers.csv:2: column \"x\" is numeric in column_types, but \"$5\" is not a number")
        #expect(error("x\nmaybe\n", SeedOptions(columnTypes: ["x": "boolean"]))?.description
            == "seeds/customers.csv:2: column \"x\" is boolean in column_types, but \"maybe\" is not a boolean (true or false)")
        #expect(error("x\n01/02/2020\n", SeedOptions(columnTypes: ["x": "date"]))?.description
            == "seeds/customers.csv:2: column \"x\" is date in column_types, but \"01/02/2020\" is not a date (YYYY-MM-DD)")
        #expect(error("x\nnoon\n", SeedOptions(columnTypes: ["x": "timestamp"]))?.description
            == "seeds/customers.csv:2: column \"x\" is timestamp in column_types, but \"noon\" is not a timestamp (YYYY-MM-DD HH:MM:SS)")
    }

    // MARK: quote_columns

    /// dbt's `quote_seed_column`: unset (None) quotes; dbt-sqlite and dbt-postgres keep that default.
    @Test func quoteColumns() throws {
        let dialect = WarehouseDialect(includesDatabase: false, transactionalDDL: true,
                                       supportsCreateOrReplaceView: false, supportsMerge: false)
        let quoted = try load("id,First Name\n1,a\n")
        #expect(quoted.quoteColumns)
        #expect(quoted.columnIdentifiers(dialect: dialect) == ["\"id\"", "\"First Name\""])
        #expect(quoted.columnDefinitionsSQL(dialect: dialect) == "\"id\" integer, \"First Name\" text")
        let bare = try load("id,name\n1,a\n", SeedOptions(quoteColumns: false))
        #expect(bare.columnDefinitionsSQL(dialect: dialect) == "id integer, name text")
    }

    @Test func delimiterOption() throws {
        let t = try load("a;b\n1;2,5\n", SeedOptions(delimiter: ";"))
        #expect(t.rows == [[.int(1), .int(25)]])
    }

    @Test func loadsAFileAndNamesItByItsDisplayPath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ingot-seed-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("\u{FEFF}id,name\r\n1,a\r\n2,b,c\r\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try SeedTable.load(contentsOfFile: path, displayPath: "seeds/customers.csv", mapping: SQLiteSeedTypeMapping())
            Issue.record("expected a ragged-row error")
        } catch let e as SeedError {
            #expect(e.description == "seeds/customers.csv:3: row has 3 fields, the header has 2")
        }
        #expect(throws: SeedError(.io, file: "seeds/missing.csv", line: nil, "cannot read the file")) {
            try SeedTable.load(contentsOfFile: path + ".missing", displayPath: "seeds/missing.csv", mapping: SQLiteSeedTypeMapping())
        }
    }

    @Test func errorsFromTheReaderCarryTheFile() {
        #expect(error("a,b,c\n1,2,3\n4,5,6\n7,8,9\n1,2,3,4\n")?.description
            == "seeds/customers.csv:5: row has 4 fields, the header has 3")
    }
}
