import Testing
@testable import Run

/// Inference pinned against dbt itself: each case below was loaded with dbt-core 1.11.16
/// (dbt-common 1.39, agate 1.9.1) through `agate_helper.build_type_tester` and typed with
/// `SQLAdapter.convert_agate_type` (what dbt-sqlite and dbt-postgres use: neither overrides the
/// `convert_*_type` methods). The expected SQL type is the one dbt printed.
///
/// What that run showed:
/// - dbt-common's `Integer` type only casts Python ints, so for a CSV it is ruled out by any
///   value; integer columns are agate `Number` columns whose normalized max precision is 0:
///   `1.0`, `2.00`, `1e3` and `1.5e1` are integers, `1.50` and `2E-1` are not.
/// - `Number` strips `%`, currency symbols and `,` (en_US group): `$1,000`, `50%`, `-$5`, `€3`,
///   and even `1,5` (= 15) are integers; Python's Decimal drops `_` (`1_000`) and reads
///   `Infinity`/`NaN`, which do not count towards the precision.
/// - Null is `''` or `null` in any case and with spaces — not `NA`, `n/a`, `none` (dbt replaces
///   agate's default null list). A column of only nulls is `integer`; nulls never change a type.
/// - Booleans are `true`/`false` in any case (commas removed): not `yes`/`no`, `t`/`f`, `1`/`0`.
/// - Dates are strptime `%Y-%m-%d` (so `2020-1-5` too, not `20200105`, which is a number);
///   datetimes are strptime `%Y-%m-%d %H:%M:%S` (no fraction: `2020-01-05 10:00:00.5` is text)
///   or ISO 8601 with a `T` (fractions, `Z`, offsets, week and ordinal dates, `T10`).
/// - Mixing a date with a datetime, or the space form with the `T` form, gives text.
@Suite struct SeedTypeInferenceTests {
    static let cases: [([String], String)] = [
        (["1", "2", "-3"], "integer"),
        (["1", "1.5"], "float8"),
        (["1.0", "2.00"], "integer"),
        (["1.50"], "float8"),
        (["1e3", "1.5e1"], "integer"),
        (["2E-1"], "float8"),
        (["$1,000", "50%", "-$5", "€3"], "integer"),
        (["1_000"], "integer"),
        (["1,5"], "integer"),
        ([" 7 "], "integer"),
        (["Infinity", "NaN"], "integer"),
        (["inf", "1.5"], "float8"),
        (["0x10"], "text"),
        (["1 000"], "text"),
        (["true", "False", "TRUE", " true "], "boolean"),
        (["tr,ue"], "boolean"),
        (["yes", "no"], "text"),
        (["t", "f"], "text"),
        (["1", "0"], "integer"),
        (["2020-01-05", "2020-1-5"], "date"),
        (["2020-02-30"], "text"),
        (["2020-01-05", "x"], "text"),
        (["20200105"], "integer"),
        (["2020-01-05 10:00:00", "2020-1-5 1:2:3"], "timestamp without time zone"),
        (["2020-01-05 10:00:00.5"], "text"),
        (["2020-01-05 10:00"], "text"),
        (["2020-01-05T10:00:00", "2020-01-05T10:00:00Z", "2020-01-05T10:00:00.123+05:30"], "timestamp without time zone"),
        (["2020-01-05T10"], "timestamp without time zone"),
        (["2020-W01-1T00:00"], "timestamp without time zone"),
        (["2020-032T10:00"], "timestamp without time zone"),
        (["20200105T101112"], "timestamp without time zone"),
        (["2020-01-05", "2020-01-05 10:00:00"], "text"),
        (["2020-01-05 10:00:00", "2020-01-05T10:00:00"], "text"),
        (["", ""], "integer"),
        (["null", "NULL", " Null "], "integer"),
        (["NA", "n/a", "none"], "text"),
        (["1", "", "null"], "integer"),
        (["true", ""], "boolean"),
        (["2020-01-05", "null"], "date"),
        (["na"], "text"),
        ([","], "boolean"),
        // agate's max_precision clamps to Decimal's 28-digit context: whole + decimal places
        // over 28 make the "decimal places" 28 - whole, non-zero unless whole is exactly 28.
        (["1e59"], "float8"),
        (["1", "1e27"], "integer"),
        (["1e28"], "float8"),
        (["99999999999999999999999999999"], "float8"),
        ([String(repeating: "1", count: 28), "1.5"], "integer"),
        // Decimal strips whitespace first, then drops underscores: `_ 12` is left with a space.
        (["_ 12"], "text"),
        (["1_0"], "integer"),
        (["1, "], "integer"),
        (["--5"], "integer"),
        (["\u{00A0}5"], "integer"),
        // NaN (with a payload) is a number; sNaN raises when agate multiplies it by the sign.
        (["NaN12", "-nan"], "integer"),
        (["sNaN"], "text"),
    ]

    @Test(arguments: cases)
    func matchesDbt(values: [String], sqlType: String) {
        let kind = SeedTypeInference.infer(values: values)
        #expect(SQLiteSeedTypeMapping().sqlType(for: kind) == sqlType, "\(values)")
    }

    /// A header-only seed: dbt-common's Integer survives (no value rules it out) → `integer`.
    @Test func headerOnlyIsInteger() throws {
        let csv = try SeedCSVParser.parse(text: "a,b\n", file: "seeds/t.csv")
        #expect(SeedTypeInference.infer(csv) == [.integer, .integer])
    }

    @Test func kinds() {
        #expect(SeedTypeInference.infer(values: ["1", "2"]) == .integer)
        #expect(SeedTypeInference.infer(values: ["1", "2.5", ""]) == .number)
        #expect(SeedTypeInference.infer(values: ["true", "null"]) == .boolean)
        #expect(SeedTypeInference.infer(values: ["2020-01-05"]) == .date)
        #expect(SeedTypeInference.infer(values: ["2020-01-05 10:00:00"]) == .datetime)
        #expect(SeedTypeInference.infer(values: ["2020-01-05T10:00:00"]) == .datetime)
        #expect(SeedTypeInference.infer(values: ["x"]) == .text)
    }

    /// Mixed columns: ints and decimals → number; dates and text → text; blanks change nothing.
    @Test func mixedColumns() throws {
        let csv = try SeedCSVParser.parse(text: """
            i,d,dt,b,blank,t
            1,1,2020-01-05,true,,x
            2,2.5,hello,,,
            ,3,2020-01-06,false,,1
            """, file: "seeds/t.csv")
        #expect(SeedTypeInference.infer(csv) == [.integer, .number, .text, .boolean, .integer, .text])
    }

    @Test func postgresTypes() {
        let m = PostgresSeedTypeMapping()
        #expect(SeedColumnKind.allCases.map(m.sqlType(for:))
            == ["integer", "float8", "boolean", "date", "timestamp without time zone", "text"])
    }
}
