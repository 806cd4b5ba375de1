import Foundation
import Warehouse

/// The rows `ingot show` prints, formatted as dbt prints them: agate's `print_table` (a
/// Markdown table, text left-aligned and everything else right-aligned, numbers with the same
/// decimal places down a column, at most 6 columns and 20 characters a cell) or the JSON of
/// `--output json`.
public struct ResultPreview: Sendable {
    public var columnNames: [String]
    public var rows: [[QueryCell]]

    public init(columnNames: [String], rows: [[QueryCell]]) {
        self.columnNames = columnNames
        self.rows = rows
    }

    public init(_ outcome: QueryOutcome) {
        self.init(columnNames: outcome.columnNames, rows: outcome.rows)
    }

    /// agate's limits in `print_table`.
    static let maxColumns = 6
    static let maxColumnWidth = 20
    static let maxPrecision = 3

    /// How a column is aligned and formatted (agate's inferred column type).
    enum Kind: Equatable {
        /// dbt's own `Integer` type: printed as is, never grouped.
        case integer
        /// agate's `Number`: grouped thousands, the column's decimal places.
        case number(places: Int, truncated: Bool)
        case boolean
        case date
        case text
    }

    /// A column's kind from its values: all numbers, all booleans, all ISO dates or date-times
    /// (as SQLite keeps them), otherwise text. A column of integers (or of nulls) is dbt's
    /// `Integer`, which agate prints without grouping.
    static func kind(of values: [QueryCell]) -> Kind {
        let present = values.filter { $0 != .null }
        if present.allSatisfy({ if case .int = $0 { return true }; return false }) { return .integer }
        if present.allSatisfy({ if case .int = $0 { return true }; if case .double = $0 { return true }; return false }) {
            var places = 0
            for v in present { places = max(places, decimalPlaces(v)) }
            return places > maxPrecision ? .number(places: maxPrecision, truncated: true) : .number(places: places, truncated: false)
        }
        if present.allSatisfy({ if case .bool = $0 { return true }; return false }) { return .boolean }
        if present.allSatisfy({ if case .string(let s) = $0 { return looksLikeDate(s) }; return false }) { return .date }
        return .text
    }

    /// Decimal places of a number as Python's `Decimal(repr(x)).normalize()` counts them.
    static func decimalPlaces(_ cell: QueryCell) -> Int {
        guard case .double(let d) = cell, d.isFinite else { return 0 }
        let digits = plainDigits(d)
        guard let dot = digits.firstIndex(of: ".") else { return 0 }
        let fraction = digits[digits.index(after: dot)...].reversed().drop(while: { $0 == "0" })
        return fraction.count
    }

    /// The shortest round-tripping digits of `d`, never in exponent form.
    static func plainDigits(_ d: Double) -> String {
        let text = "\(d)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let allDigits = whole + fraction
        let point = whole.count + exponent
        var out: String
        if point <= 0 {
            out = "0." + String(repeating: "0", count: -point) + allDigits
        } else if point >= allDigits.count {
            out = allDigits + String(repeating: "0", count: point - allDigits.count)
        } else {
            let i = allDigits.index(allDigits.startIndex, offsetBy: point)
            out = allDigits[..<i] + "." + allDigits[i...]
        }
        return (negative ? "-" : "") + out
    }

    static func looksLikeDate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count >= 10, b.count <= 32 else { return false }
        func digit(_ i: Int) -> Bool { b[i] >= 48 && b[i] <= 57 }
        guard digit(0), digit(1), digit(2), digit(3), b[4] == 45, digit(5), digit(6), b[7] == 45, digit(8), digit(9) else { return false }
        if b.count == 10 { return true }
        return FreshnessClock.parse(s) != nil
    }

    /// A number with `places` decimals and grouped thousands (`#,##0.00` in babel's
    /// `en_US_POSIX`), rounded half-even, with agate's `…` when the column's precision was cut.
    static func format(_ cell: QueryCell, places: Int, truncated: Bool) -> String {
        let value: Decimal
        switch cell {
        case .int(let i): value = Decimal(i)
        case .double(let d):
            guard d.isFinite else { return d.isNaN ? "NaN" : (d > 0 ? "inf" : "-inf") }
            value = Decimal(string: plainDigits(d), locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(d)
        default: return ""
        }
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, places, .bankers)
        var text = plainDecimal(rounded)
        if places > 0 {
            if !text.contains(".") { text += "." }
            let have = text.count - (text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? 0) - 1
            if have < places { text += String(repeating: "0", count: places - have) }
        }
        if !text.hasPrefix("-"), value < 0 { text = "-" + text }
        text = grouped(text)
        return truncated ? text + "…" : text
    }

    /// `1234567.5` → `1,234,567.5`.
    static func grouped(_ text: String) -> String {
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let whole = body.prefix { $0 != "." }
        let rest = body.dropFirst(whole.count)
        var out: [Character] = []
        for (i, c) in whole.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return sign + String(out.reversed()) + rest
    }

    private static func plainDecimal(_ d: Decimal) -> String {
        var copy = d
        return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
    }

    private static func plain(_ cell: QueryCell) -> String {
        switch cell {
        case .null: return ""
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return plainDigits(d)
        case .string(let s): return s
        }
    }

    private static func width(_ s: String) -> Int { s.unicodeScalars.count }

    private static func truncate(_ s: String) -> String {
        guard width(s) > maxColumnWidth else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.prefix(maxColumnWidth - 3))) + "..."
    }

    private static func pad(_ s: String, to n: Int, left: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, n - width(s)))
        return left ? s + fill : fill + s
    }

    /// The table as agate's `print_table(max_rows=None)` prints it, each line ending in a newline.
    public var table: String {
        let shown = min(columnNames.count, Self.maxColumns)
        let cut = columnNames.count > Self.maxColumns
        var header = columnNames.prefix(shown).map(Self.truncate)
        var kinds = (0..<shown).map { i in Self.kind(of: rows.map { i < $0.count ? $0[i] : .null }) }
        if cut {
            header.append("...")
            kinds.append(.text)
        }
        var widths = header.map(Self.width)
        let body: [[String]] = rows.map { row in
            var out: [String] = []
            for j in 0..<shown {
                let cell = j < row.count ? row[j] : .null
                var text: String
                if case .number(let places, let truncated) = kinds[j], cell != .null {
                    text = Self.format(cell, places: places, truncated: truncated)
                } else {
                    text = Self.plain(cell)
                }
                text = Self.truncate(text)
                out.append(text)
            }
            if cut { out.append("...") }
            for (j, t) in out.enumerated() { widths[j] = max(widths[j], Self.width(t)) }
            return out
        }
        func line(_ cells: [String]) -> String {
            let parts = cells.enumerated().map { j, c in " " + Self.pad(c, to: widths[j], left: kinds[j] == .text) + " " }
            return "|" + parts.joined(separator: "|") + "|\n"
        }
        var out = line(header)
        out += "| " + widths.map { String(repeating: "-", count: $0) }.joined(separator: " | ") + " |\n"
        for r in body { out += line(r) }
        return out
    }

    /// `{"node": name, "show": [...]}` (without `node` for inline queries), as dbt's
    /// `--output json` prints it: Python's `json.dumps(indent=2)`.
    public func json(node: String?) -> String {
        let objects = rows.map { row -> String in
            guard !columnNames.isEmpty else { return "{}" }
            let fields = columnNames.enumerated().map { j, name in
                "      " + Self.jsonString(name) + ": " + Self.jsonValue(j < row.count ? row[j] : .null)
            }
            return "{\n" + fields.joined(separator: ",\n") + "\n    }"
        }
        let show = objects.isEmpty ? "[]" : "[\n    " + objects.joined(separator: ",\n    ") + "\n  ]"
        var lines: [String] = []
        if let node { lines.append("  \"node\": " + Self.jsonString(node)) }
        lines.append("  \"show\": " + show)
        return "{\n" + lines.joined(separator: ",\n") + "\n}"
    }

    static func jsonValue(_ cell: QueryCell) -> String {
        switch cell {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
            return "\(d)"
        case .string(let s): return jsonString(s)
        }
    }

    /// A JSON string with Python's `ensure_ascii` escaping.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.utf16 {
            switch u {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(u)!)
            default: out += String(format: "\\u%04x", u)
            }
        }
        return out + "\""
    }
}
