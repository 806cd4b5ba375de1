/// dbt's seed type inference: agate's `TypeTester` with the types dbt-common's
/// `agate_helper.build_type_tester` gives it, in its order of preference:
///
/// 1. `Integer` (dbt-common): casts only Python ints, so any CSV value, even a blank one, rules
///    it out; it wins only for a column with no values at all (a header-only seed).
/// 2. `Number` (agate, dbt-common refusing bools): see `SeedValues.number`. dbt then types the
///    column `integer` unless some value has a fractional part after normalization
///    (`convert_number_type` with agate's `MaxPrecision`), else `float8`.
/// 3. `Date` with `%Y-%m-%d`, 4. `DateTime` with `%Y-%m-%d %H:%M:%S`, 5. `ISODateTime`
///    (`isodate.parse_datetime`, needs a `T`).
/// 6. `Boolean` with true `true` and false `false` (any case).
/// 7. `Text`.
///
/// Every type takes `''` and `'null'` (stripped, any case) as null, and nulls rule nothing out,
/// so a column of numbers and blanks is a number column. A column is the first type in that
/// order that accepts all of its values: `1` and `1.5` make `number`; a date and a text make
/// `text`; `2020-01-05` and `2020-01-05 10:00:00` make `text` too (neither format takes both).
public enum SeedTypeInference {
    /// The inferred kind of every column of a parsed seed.
    public static func infer(_ csv: SeedCSV) -> [SeedColumnKind] {
        var scratch: [UInt8] = []
        let n = csv.columnCount
        return (0..<n).map { column in
            var index = column
            return inferColumn(count: csv.rowCount, scratch: &scratch) {
                defer { index += n }
                return csv.fields[index]
            }
        }
    }

    /// The inferred kind of one column's values (as they appear in the CSV).
    public static func infer(values: [String]) -> SeedColumnKind {
        var scratch: [UInt8] = []
        var index = 0
        return inferColumn(count: values.count, scratch: &scratch) {
            defer { index += 1 }
            return values[index]
        }
    }

    private struct Hypotheses: OptionSet {
        let rawValue: UInt8
        static let number = Hypotheses(rawValue: 1)
        static let date = Hypotheses(rawValue: 2)
        static let strptimeDateTime = Hypotheses(rawValue: 4)
        static let isoDateTime = Hypotheses(rawValue: 8)
        static let boolean = Hypotheses(rawValue: 16)
        static let all: Hypotheses = [.number, .date, .strptimeDateTime, .isoDateTime, .boolean]
    }

    private static func inferColumn(count: Int, scratch: inout [UInt8], next: () -> String) -> SeedColumnKind {
        // No values at all: dbt-common's Integer survives.
        if count == 0 { return .integer }
        var alive = Hypotheses.all
        // agate's max_precision: the most digits before and after the point over the column.
        var maxWhole = 1
        var maxDecimal = 0
        for _ in 0..<count {
            if alive.isEmpty { break }
            let field = next()
            withBytes(field) { b in
                let r = SeedValues.trimmed(b)
                if SeedValues.isNull(b, r) { return }
                if alive.contains(.number) {
                    if let number = SeedValues.number(b, r, scratch: &scratch) {
                        if number.value == .finite {
                            maxWhole = max(maxWhole, number.wholePlaces)
                            maxDecimal = max(maxDecimal, number.decimalPlaces)
                        }
                    } else {
                        alive.remove(.number)
                    }
                }
                if alive.contains(.date), SeedValues.date(b, r) == nil { alive.remove(.date) }
                if alive.contains(.strptimeDateTime), SeedValues.strptimeDateTime(b, r) == nil {
                    alive.remove(.strptimeDateTime)
                }
                if alive.contains(.isoDateTime), SeedValues.isoDateTime(b, r) == nil { alive.remove(.isoDateTime) }
                if alive.contains(.boolean), SeedValues.boolean(b, r) == nil { alive.remove(.boolean) }
            }
        }
        if alive.contains(.number) {
            // agate clamps to the context precision: when the whole and decimal places exceed
            // 28, the "decimal places" become 28 - whole, non-zero unless whole is exactly 28. So
            // a column holding 1e59 (or any integer of 29+ digits) is `float8` in dbt, and 28
            // whole digits with one decimal place is `integer`.
            if maxWhole + maxDecimal > SeedValues.decimalPrecision { maxDecimal = SeedValues.decimalPrecision - maxWhole }
            return maxDecimal != 0 ? .number : .integer
        }
        if alive.contains(.date) { return .date }
        if !alive.isDisjoint(with: [.strptimeDateTime, .isoDateTime]) { return .datetime }
        if alive.contains(.boolean) { return .boolean }
        return .text
    }
}

/// Runs `body` on the string's UTF-8 bytes without copying when the string is native.
@inline(__always)
func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let r = try s.utf8.withContiguousStorageIfAvailable(body) { return r }
    return try Array(s.utf8).withUnsafeBufferPointer(body)
}
