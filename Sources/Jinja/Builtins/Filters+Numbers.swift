import Foundation

extension Builtins {
    static func registerNumberFilters(_ f: inout [String: FilterFunction]) {
        f["abs"] = { v, _, _ in
            switch v {
            case .int(let i):
                guard i != Int.min else { throw JinjaError(.overflow, "integer overflow") }
                return .int(abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .double(let d): return .double(abs(d))
            default: throw JinjaError(.type, "bad operand type for abs(): '\(v.typeName)'")
            }
        }
        f["int"] = { v, args, _ in
            let b = try bind("int", args, ["default", "base"])
            let fallback = b[0] ?? .int(0)
            let base = b[1]?.intValue ?? 10
            switch v {
            case .int: return v
            case .bool(let x): return .int(x ? 1 : 0)
            case .double(let d):
                guard d.isFinite, abs(d) < 9.2e18 else { return fallback }
                return .int(Int(d.rounded(.towardZero)))
            case .string(let s):
                if let i = parseInt(s, base: base) { return .int(i) }
                if let d = parseFloat(s), d.isFinite, abs(d) < 9.2e18 { return .int(Int(d.rounded(.towardZero))) }
                return fallback
            default:
                return fallback
            }
        }
        f["float"] = { v, args, _ in
            let b = try bind("float", args, ["default"])
            let fallback = b[0] ?? .double(0)
            switch v {
            case .int(let i): return .double(Double(i))
            case .bool(let x): return .double(x ? 1 : 0)
            case .double: return v
            case .string(let s): return parseFloat(s).map { .double($0) } ?? fallback
            default: return fallback
            }
        }
        f["round"] = { v, args, _ in
            let b = try bind("round", args, ["precision", "method"])
            let precision = b[0]?.intValue ?? 0
            let method = b[1]?.stringValue ?? "common"
            guard ["common", "ceil", "floor"].contains(method) else {
                throw JinjaError(.type, "method must be common, ceil or floor")
            }
            guard let x = v.doubleValue else { throw JinjaError(.type, "type \(v.typeName) doesn't define __round__ method") }
            if method == "common" {
                if case .int(let i) = v { return .int(i) }
                if case .bool(let bb) = v { return .int(bb ? 1 : 0) }
                return .double(pythonRound(x, precision))
            }
            let scale = Foundation.pow(10.0, Double(precision))
            let scaled = x * scale
            return .double((method == "ceil" ? scaled.rounded(.up) : scaled.rounded(.down)) / scale)
        }
        f["sum"] = { v, args, s in
            let b = try bind("sum", args, ["attribute", "start"])
            var items = try s.iterate(v)
            if let attr = b[0], !attr.isNone { items = try items.map(attributeGetter(attr, s)) }
            var total = b[1] ?? .int(0)
            for item in items { total = try Operators.binary(.add, total, item, limits: s.environment.limits) }
            return total
        }
    }

    /// Python's `round(x, n)`: correctly rounded, ties to even on the exact binary value — which
    /// is what C's `%.*f` computes.
    static func pythonRound(_ x: Double, _ precision: Int) -> Double {
        guard x.isFinite else { return x }
        if precision >= 0 {
            guard precision < 300 else { return x }
            return Double(CFormat.format(x, precision: precision, UInt8(ascii: "f"))) ?? x
        }
        let scale = Foundation.pow(10.0, Double(-precision))
        let scaled = x / scale
        let rounded = Double(CFormat.format(scaled, precision: 0, UInt8(ascii: "f"))) ?? scaled
        return rounded * scale
    }

    /// Python's `int(s, base)`: surrounding whitespace, a sign, underscores between digits, and a
    /// `0x`/`0o`/`0b` prefix matching the base.
    static func parseInt(_ text: String, base: Int) -> Int? {
        var s = TextUtilities.strip(text, chars: nil, leading: true, trailing: true)
        var negative = false
        if s.hasPrefix("-") || s.hasPrefix("+") {
            negative = s.hasPrefix("-")
            s.removeFirst()
        }
        var radix = base
        let lower = s.lowercased()
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) && (base == r || base == 0) {
            s = String(s.dropFirst(2))
            if s.hasPrefix("_") { s.removeFirst() }
            radix = r
        }
        if radix == 0 { radix = 10 }
        guard (2...36).contains(radix) else { return nil }
        guard !s.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_"), !TextUtilities.contains(s, "__") else { return nil }
        let digits = TextUtilities.replace(s, "_", "", count: -1)
        guard digits.allSatisfy({ $0.isASCII && ($0.isHexDigit) }), let v = Int(digits, radix: radix) else { return nil }
        return negative ? -v : v
    }

    /// Python's `float(s)`: whitespace, sign, underscores, `inf`/`nan`, exponents.
    static func parseFloat(_ text: String) -> Double? {
        let s = TextUtilities.strip(text, chars: nil, leading: true, trailing: true)
        guard !s.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_"), !TextUtilities.contains(s, "__") else { return nil }
        let lowered = s.lowercased()
        switch lowered {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: break
        }
        let cleaned = TextUtilities.replace(s, "_", "", count: -1)
        guard cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              cleaned.contains(where: { $0.isNumber }) else { return nil }
        return Double(cleaned)
    }
}
