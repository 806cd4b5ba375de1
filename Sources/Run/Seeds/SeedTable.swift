import Warehouse

/// A seed's configs that shape its table (dbt's `delimiter`, `column_types`, `quote_columns`).
public struct SeedOptions: Sendable, Hashable {
    /// The field separator, one ASCII character (dbt's default `,`).
    public var delimiter: Character
    /// Column name → SQL type. Keys match header names exactly, case included, as dbt's
    /// `column_override.get(col_name, inferred_type)` does (`ID` does not override `id`).
    public var columnTypes: [String: String]
    /// dbt's `quote_columns`; nil (unset) means quoted, as in dbt's `quote_seed_column`.
    public var quoteColumns: Bool?

    public init(delimiter: Character = ",", columnTypes: [String: String] = [:], quoteColumns: Bool? = nil) {
        self.delimiter = delimiter
        self.columnTypes = columnTypes
        self.quoteColumns = quoteColumns
    }
}

/// One column of a seed table.
public struct SeedColumn: Sendable, Hashable {
    /// The name as the header spells it (not trimmed, as in dbt).
    public var name: String
    /// What dbt would infer from the values.
    public var inferredKind: SeedColumnKind
    /// The adapter's SQL type for `inferredKind`.
    public var inferredType: String
    /// The `column_types` override for this column, when there is one.
    public var overrideType: String?
    /// The type for `create table`: the override, else the inferred type.
    public var sqlType: String { overrideType ?? inferredType }

    public init(name: String, inferredKind: SeedColumnKind, inferredType: String, overrideType: String?) {
        self.name = name
        self.inferredKind = inferredKind
        self.inferredType = inferredType
        self.overrideType = overrideType
    }
}

/// A seed, read, typed and converted: what the seed materialization creates and loads.
///
/// Values by final type (nulls are `''` and `null` in any case, surrounding spaces ignored):
/// - `integer`: `.int` (`1.0` → 1, `$1,000` → 1000); beyond 64 bits the exact digits as text;
///   `Infinity`/`NaN` as that text (what dbt-sqlite stores).
/// - `number` (`float8`): `.double`, correctly rounded from the exact decimal.
/// - `boolean`: the mapping's cell (1/0 on SQLite, `.bool` on PostgreSQL).
/// - `date`: `.string("2020-01-05")`; `datetime`: `.string("2020-01-05 10:00:00[.ffffff][+hh:mm]")`
///   (Python's `isoformat(" ")`, as sqlite3 stores datetimes for dbt-sqlite).
/// - `text`: the field exactly as in the file (spaces kept).
///
/// A column with a `column_types` override: dbt reads it as text and leaves the cast to the
/// warehouse. We cast it here when the type is one we know, so a bad value is reported with its
/// line (PostgreSQL would reject it anyway; SQLite would silently store text in an integer
/// column): integer types (`int`, `integer`, `bigint`, `smallint`, …) take `[+-]digits`;
/// `numeric`/`decimal` take a decimal number and keep its exact text (no float drift; the
/// warehouse's numeric parsing does the rest); `real`/`float`/`double` become `.double`;
/// `boolean`/`bool` take PostgreSQL's spellings (`true`/`t`/`yes`/`y`/`on`/`1` and the false
/// ones); `date` takes `YYYY-MM-DD`; `timestamp…`/`datetime` take a date, a
/// `YYYY-MM-DD HH:MM:SS[.f]` or an ISO 8601 datetime. Any other type (`varchar(20)`, `text`,
/// `json`, …) gets the field's text unchanged.
public struct SeedTable: Sendable {
    /// The seed file as named in errors.
    public var file: String
    public var columns: [SeedColumn]
    /// Converted rows, in file order.
    public var rows: [[QueryCell]]
    /// The 1-based line each row starts on.
    public var rowLines: [Int]
    /// Whether column names are quoted in DDL and inserts (`quote_columns`, default true).
    public var quoteColumns: Bool

    public var columnNames: [String] { columns.map(\.name) }

    /// Reads, infers and converts a seed file. `displayPath` names it in errors.
    public static func load(contentsOfFile path: String, displayPath: String? = nil, options: SeedOptions = SeedOptions(),
                            mapping: some SeedTypeMapping) throws -> SeedTable {
        let name = displayPath ?? path
        let csv = try SeedCSVParser.parse(contentsOfFile: path, displayPath: name, delimiter: options.delimiter)
        return try SeedTable(csv: csv, file: name, options: options, mapping: mapping)
    }

    /// Infers and converts a seed given as text.
    public static func load(text: String, file: String, options: SeedOptions = SeedOptions(),
                            mapping: some SeedTypeMapping) throws -> SeedTable {
        let csv = try SeedCSVParser.parse(text: text, file: file, delimiter: options.delimiter)
        return try SeedTable(csv: csv, file: file, options: options, mapping: mapping)
    }

    /// Types and converts a parsed seed.
    public init(csv: SeedCSV, file: String, options: SeedOptions = SeedOptions(), mapping: some SeedTypeMapping) throws {
        self.file = file
        self.quoteColumns = options.quoteColumns ?? true
        self.rowLines = csv.rowLines
        let kinds = SeedTypeInference.infer(csv)
        var columns: [SeedColumn] = []
        var converters: [Converter] = []
        for (index, name) in csv.columnNames.enumerated() {
            let override = options.columnTypes[name]
            columns.append(SeedColumn(name: name, inferredKind: kinds[index],
                                      inferredType: mapping.sqlType(for: kinds[index]), overrideType: override))
            if let override {
                converters.append(.override(OverrideFamily(sqlType: override), override))
            } else {
                converters.append(.inferred(kinds[index]))
            }
        }
        self.columns = columns

        let n = csv.columnCount
        var rows: [[QueryCell]] = []
        rows.reserveCapacity(csv.rowCount)
        var scratch: [UInt8] = []
        var row: [QueryCell] = []
        row.reserveCapacity(n)
        for r in 0..<csv.rowCount {
            row.removeAll(keepingCapacity: true)
            for c in 0..<n {
                let field = csv.fields[r * n + c]
                let cell = try withBytes(field) { b throws -> QueryCell in
                    let t = SeedValues.trimmed(b)
                    switch converters[c] {
                    case .inferred(let kind):
                        return Self.convert(b, t, field: field, kind: kind, mapping: mapping, scratch: &scratch)
                    case .override(let family, let sqlType):
                        if SeedValues.isNull(b, t) { return .null }
                        guard let cell = Self.cast(b, t, field: field, family: family, mapping: mapping, scratch: &scratch) else {
                            throw SeedError(.badValue, file: file, line: csv.rowLines[r],
                                            "column \"\(csv.columnNames[c])\" is \(sqlType) in column_types, but \(String(reflecting: field)) is not \(family.noun)")
                        }
                        return cell
                    }
                }
                row.append(cell)
            }
            rows.append(row)
        }
        self.rows = rows
    }

    /// The column names for `create table` and `insert`: quoted with the dialect's quote unless
    /// `quote_columns` is false, then verbatim (dbt's `quote_seed_column`).
    public func columnIdentifiers(dialect: WarehouseDialect) -> [String] {
        columns.map { quoteColumns ? dialect.quote($0.name) : $0.name }
    }

    /// The body of `create table … ( … )`: `"id" integer, "name" text`.
    public func columnDefinitionsSQL(dialect: WarehouseDialect) -> String {
        zip(columnIdentifiers(dialect: dialect), columns).map { "\($0) \($1.sqlType)" }.joined(separator: ", ")
    }

    // MARK: Conversion

    private enum Converter {
        case inferred(SeedColumnKind)
        case override(OverrideFamily, String)
    }

    /// A value of a column typed by inference; inference guarantees it parses.
    private static func convert(_ b: UnsafeBufferPointer<UInt8>, _ t: Range<Int>, field: String, kind: SeedColumnKind,
                                mapping: some SeedTypeMapping, scratch: inout [UInt8]) -> QueryCell {
        if kind == .text {
            return SeedValues.isNull(b, t) ? .null : .string(field)
        }
        if kind == .boolean {
            guard let value = SeedValues.boolean(b, t), let bool = value else { return .null }
            return mapping.booleanCell(bool)
        }
        if SeedValues.isNull(b, t) { return .null }
        switch kind {
        case .integer:
            guard let number = SeedValues.number(b, t, scratch: &scratch) else { return .string(field) }
            return SeedValues.integerCell(number, scratch: scratch)
        case .number:
            guard let number = SeedValues.number(b, t, scratch: &scratch) else { return .string(field) }
            return SeedValues.doubleCell(number, scratch: scratch)
        case .date:
            return SeedValues.date(b, t).map { .string($0.dateText) } ?? .string(field)
        case .datetime:
            let ts = SeedValues.strptimeDateTime(b, t) ?? SeedValues.isoDateTime(b, t)
            return ts.map { .string($0.dateTimeText) } ?? .string(field)
        case .boolean, .text:
            return .string(field)
        }
    }

    /// A value of a column with a `column_types` override, or nil when it does not fit.
    private static func cast(_ b: UnsafeBufferPointer<UInt8>, _ t: Range<Int>, field: String, family: OverrideFamily,
                             mapping: some SeedTypeMapping, scratch: inout [UInt8]) -> QueryCell? {
        switch family {
        case .other:
            return .string(field)
        case .integer:
            var i = t.lowerBound
            var negative = false
            if i < t.upperBound, b[i] == 0x2B || b[i] == 0x2D { negative = b[i] == 0x2D; i += 1 }
            guard i < t.upperBound else { return nil }
            var value = 0
            while i < t.upperBound {
                let d = b[i] &- 0x30
                guard d < 10 else { return nil }
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(d))
                guard !o1, !o2 else { return nil }
                value = a
                i += 1
            }
            return .int(negative ? -value : value)
        case .numeric, .float:
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[t]), as: UTF8.self)
            guard isSQLNumber(text) else { return nil }
            if family == .numeric { return .string(text) }
            return .double(Double(text) ?? Double(text.lowercased().replacingOccurrences(of: "infinity", with: "inf")) ?? .nan)
        case .boolean:
            let word = String(decoding: UnsafeBufferPointer(rebasing: b[t]), as: UTF8.self).lowercased()
            switch word {
            case "t", "true", "y", "yes", "on", "1": return mapping.booleanCell(true)
            case "f", "false", "n", "no", "off", "0": return mapping.booleanCell(false)
            default: return nil
            }
        case .date:
            return SeedValues.date(b, t).map { .string($0.dateText) }
        case .timestamp:
            if let ts = SeedValues.strptimeDateTime(b, t) ?? SeedValues.isoDateTime(b, t) {
                return .string(ts.dateTimeText)
            }
            if let d = SeedValues.date(b, t) { return .string(d.dateTimeText) }
            // `2020-01-05 10:00:00.5` (and with an offset): read as ISO with the space as `T`.
            var bytes = Array(b[t])
            if let space = bytes.firstIndex(where: { SeedValues.isASCIISpace($0) }), !bytes.contains(0x54) {
                var end = space
                while end < bytes.count, SeedValues.isASCIISpace(bytes[end]) { end += 1 }
                bytes.replaceSubrange(space..<end, with: [0x54])
                return bytes.withUnsafeBufferPointer { p in
                    SeedValues.isoDateTime(p, 0..<p.count).map { .string($0.dateTimeText) }
                }
            }
            return nil
        }
    }

    /// PostgreSQL's numeric input: `[+-]digits[.digits][e[+-]digits]`, `NaN`, `[+-]Infinity`/`inf`.
    private static func isSQLNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "+" || s.first == "-" { s = s.dropFirst() }
        let lower = s.lowercased()
        if lower == "infinity" || lower == "inf" { return true }
        if lower == "nan" { return text.lowercased() == "nan" }
        var sawDigit = false
        var i = s.startIndex
        while i < s.endIndex, s[i].isASCII, s[i].isNumber { sawDigit = true; i = s.index(after: i) }
        if i < s.endIndex, s[i] == "." {
            i = s.index(after: i)
            while i < s.endIndex, s[i].isASCII, s[i].isNumber { sawDigit = true; i = s.index(after: i) }
        }
        guard sawDigit else { return false }
        if i < s.endIndex, s[i] == "e" || s[i] == "E" {
            i = s.index(after: i)
            if i < s.endIndex, s[i] == "+" || s[i] == "-" { i = s.index(after: i) }
            var expDigit = false
            while i < s.endIndex, s[i].isASCII, s[i].isNumber { expDigit = true; i = s.index(after: i) }
            guard expDigit else { return false }
        }
        return i == s.endIndex
    }
}

/// How a `column_types` override is cast client-side, by the type's name.
enum OverrideFamily: Sendable, Hashable {
    case integer, numeric, float, boolean, date, timestamp, other

    init(sqlType: String) {
        // Lowercased, parameters (`(10,2)`) dropped, spaces collapsed.
        var name = ""
        var depth = 0
        for ch in sqlType.lowercased() {
            if ch == "(" { depth += 1; continue }
            if ch == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { name.append(ch) }
        }
        name = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
        switch name {
        case "int", "integer", "int2", "int4", "int8", "smallint", "bigint", "tinyint", "mediumint",
             "unsigned big int", "serial", "bigserial", "smallserial":
            self = .integer
        case "numeric", "decimal", "number":
            self = .numeric
        case "real", "float", "float4", "float8", "double", "double precision":
            self = .float
        case "boolean", "bool":
            self = .boolean
        case "date":
            self = .date
        case "timestamp", "datetime", "timestamp without time zone", "timestamp with time zone", "timestamptz",
             "timestamp_ntz", "timestamp_tz", "timestamp_ltz":
            self = .timestamp
        default:
            self = .other
        }
    }

    /// For messages: `"abc" is not an integer`.
    var noun: String {
        switch self {
        case .integer: "an integer"
        case .numeric, .float: "a number"
        case .boolean: "a boolean (true or false)"
        case .date: "a date (YYYY-MM-DD)"
        case .timestamp: "a timestamp (YYYY-MM-DD HH:MM:SS)"
        case .other: "text"
        }
    }
}
