import Testing
@testable import Run

/// The CSV reading dbt does for seeds: Python's csv module (excel dialect, non-strict) on a file
/// opened with universal newlines, through agate. Facts pinned against dbt-core 1.11.16 /
/// dbt-common 1.39 / agate 1.9.1 by running `agate_helper.from_csv` on the same bytes.
@Suite struct SeedCSVParserTests {
    func parse(_ text: String, delimiter: Character = ",") throws -> SeedCSV {
        try SeedCSVParser.parse(text: text, file: "seeds/t.csv", delimiter: delimiter)
    }

    func rows(_ csv: SeedCSV) -> [[String]] {
        (0..<csv.rowCount).map { Array(csv.row($0)) }
    }

    @Test func headerAndRows() throws {
        let csv = try parse("id,name\n1,alice\n2,bob\n")
        #expect(csv.columnNames == ["id", "name"])
        #expect(rows(csv) == [["1", "alice"], ["2", "bob"]])
        #expect(csv.rowLines == [2, 3])
    }

    @Test func lastNewlineOptional() throws {
        #expect(rows(try parse("a,b\n1,2")) == [["1", "2"]])
        #expect(rows(try parse("a,b\r\n1,2\r\n")) == [["1", "2"]])
        #expect(rows(try parse("a,b\r1,2\r")) == [["1", "2"]])
    }

    @Test func headerOnly() throws {
        let csv = try parse("a,b\n")
        #expect(csv.columnNames == ["a", "b"])
        #expect(csv.rowCount == 0)
    }

    /// dbt: a blank line (in the middle or at the end after the last row's newline) is a row of
    /// nulls — Python's csv yields `[]`, agate pads it with None. `a,b\n1,2\n\n3,4\n\n` loads 4 rows.
    @Test func blankLinesAreNullRows() throws {
        let csv = try parse("a,b\n1,2\n\n3,4\n\n")
        #expect(rows(csv) == [["1", "2"], ["", ""], ["3", "4"], ["", ""]])
        #expect(csv.rowLines == [2, 3, 4, 5])
    }

    @Test func quotedFields() throws {
        let csv = try parse("k,v\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"\"\n")
        #expect(rows(csv) == [["1", "a,b"], ["2", "say \"hi\""], ["3", ""]])
    }

    /// dbt opens seeds in text mode (universal newlines): `\r\n` and `\r` inside quotes arrive as `\n`.
    @Test func newlinesInsideQuotes() throws {
        let csv = try parse("k,v\r\n1,\"line1\r\nline2\"\r\n2,\"x\ry\"\r\n3,\"p\nq\"\n4,z\n")
        #expect(rows(csv) == [["1", "line1\nline2"], ["2", "x\ny"], ["3", "p\nq"], ["4", "z"]])
        #expect(csv.rowLines == [2, 4, 6, 8])
    }

    /// Python's non-strict csv: a quote inside an unquoted field is data; text after a closing
    /// quote is appended (dbt loads `a"b` and `abc`).
    @Test func nonStrictQuotes() throws {
        let csv = try parse("k,v\n1,a\"b\n2,\"ab\"c\n")
        #expect(rows(csv) == [["1", "a\"b"], ["2", "abc"]])
    }

    @Test func spacesKeptInFieldsAndNames() throws {
        let csv = try parse(" id , Name \n 1 , x \n")
        #expect(csv.columnNames == [" id ", " Name "])
        #expect(rows(csv) == [[" 1 ", " x "]])
    }

    @Test func trailingDelimiterIsAnEmptyField() throws {
        #expect(rows(try parse("a,b\n1,\n")) == [["1", ""]])
        #expect(rows(try parse("a,b\n,\n")) == [["", ""]])
    }

    @Test func byteOrderMarkSkipped() throws {
        let csv = try SeedCSVParser.parse([0xEF, 0xBB, 0xBF] + Array("id\n1\n".utf8), file: "seeds/t.csv")
        #expect(csv.columnNames == ["id"])
        #expect(rows(csv) == [["1"]])
    }

    @Test func utf8Text() throws {
        #expect(rows(try parse("name\nZoë\n東京\n")) == [["Zoë"], ["東京"]])
    }

    @Test func delimiters() throws {
        #expect(rows(try parse("a;b\n1;\"x;y\"\n", delimiter: ";")) == [["1", "x;y"]])
        #expect(rows(try parse("a\tb\n1\t2,3\n", delimiter: "\t")) == [["1", "2,3"]])
        #expect(rows(try parse("a|b\n1|2\n", delimiter: "|")) == [["1", "2"]])
    }

    @Test func oneColumnBlankLineIsNull() throws {
        #expect(rows(try parse("x\n1\n\n2\n")) == [["1"], [""], ["2"]])
    }

    // MARK: Bad input

    func error(_ text: String, delimiter: Character = ",") -> SeedError? {
        do {
            _ = try parse(text, delimiter: delimiter)
            return nil
        } catch let e as SeedError {
            return e
        } catch {
            return nil
        }
    }

    @Test func tooManyFields() {
        let e = error("a,b,c\n1,2,3\n4,5,6\n7,8,9\n1,2,3,4\n")
        #expect(e?.kind == .raggedRow)
        #expect(e?.description == "seeds/t.csv:5: row has 4 fields, the header has 3")
    }

    /// dbt pads a short row with nulls; we refuse it.
    @Test func tooFewFields() {
        #expect(error("a,b,c\n1,2,3\n1,2\n")?.description == "seeds/t.csv:3: row has 2 fields, the header has 3")
        #expect(error("a,b,c\n1\n")?.description == "seeds/t.csv:2: row has 1 field, the header has 3")
    }

    /// The line counts lines inside earlier quoted fields.
    @Test func raggedAfterMultilineField() {
        #expect(error("a,b\n1,\"x\ny\"\n1,2,3\n")?.description == "seeds/t.csv:4: row has 3 fields, the header has 2")
    }

    /// dbt (non-strict csv) swallows the rest of the file into the field; we name the line where it opened.
    @Test func unterminatedQuote() {
        let e = error("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(e?.kind == .unterminatedQuote)
        #expect(e?.description == "seeds/t.csv:3: a quoted field starting on this line is never closed")
    }

    @Test func emptyFile() {
        #expect(error("")?.description == "seeds/t.csv: the file is empty; a seed needs a header row")
        #expect(error("")?.kind == .emptyFile)
        let bom = try? SeedCSVParser.parse([0xEF, 0xBB, 0xBF], file: "seeds/t.csv")
        #expect(bom == nil)
    }

    /// agate names an empty header cell by its letter and renames a duplicate `a_2`; we refuse both.
    @Test func badHeaders() {
        #expect(error("\na,b\n1,2\n")?.description == "seeds/t.csv:1: the header row is empty")
        #expect(error("a,,c\n1,2,3\n")?.description == "seeds/t.csv:1: column 2 of the header has no name")
        #expect(error("id,name,id\n1,2,3\n")?.description
            == "seeds/t.csv:1: the header names column \"id\" twice (columns 1 and 3)")
        #expect(error("a,,c\n")?.kind == .badHeader)
    }

    @Test func badDelimiter() {
        #expect(error("a,b\n", delimiter: "\"")?.kind == .configuration)
        #expect(error("a,b\n", delimiter: "é")?.kind == .configuration)
    }

    @Test func notUTF8() {
        do {
            _ = try SeedCSVParser.parse(Array("a\nok\n".utf8) + [0xFF, 0x0A], file: "seeds/t.csv")
            Issue.record("expected an error")
        } catch let e as SeedError {
            #expect(e.kind == .encoding)
            #expect(e.line == 3)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
