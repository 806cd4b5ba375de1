import Foundation

extension Builtins {
    static func registerStringFilters(_ f: inout [String: FilterFunction]) {
        f["lower"] = { v, _, s in .string(try s.string(v).lowercased()) }
        f["upper"] = { v, _, s in .string(try s.string(v).uppercased()) }
        f["capitalize"] = { v, _, s in .string(TextUtilities.capitalize(try s.string(v))) }
        f["title"] = { v, _, s in .string(jinjaTitle(try s.string(v))) }
        f["string"] = { v, _, s in
            if case .string = v { return v }
            return .string(try s.string(v))
        }
        f["trim"] = { v, args, s in
            let b = try bind("trim", args, ["chars"])
            let chars: String? = b[0].flatMap { $0.isNone ? nil : $0.pythonString }
            return .string(TextUtilities.strip(try s.string(v), chars: chars, leading: true, trailing: true))
        }
        f["replace"] = { v, args, s in
            let b = try bind("replace", args, ["old", "new", "count"], required: 2)
            let count = b[2].flatMap { $0.isNone ? nil : $0.intValue } ?? -1
            return .string(TextUtilities.replace(try s.string(v), try s.string(b[0]!), try s.string(b[1]!), count: count))
        }
        f["format"] = { v, args, s in
            let format = try s.string(v)
            if !args.keywords.isEmpty {
                if !args.positional.isEmpty {
                    throw JinjaError(.badArguments, "can't handle positional and keyword arguments at the same time")
                }
                let d = DictStorage()
                for (k, x) in args.keywords { d[k] = x }
                return .string(try PythonFormat.percent(format, .dict(d), maxWidth: s.environment.limits.maxSequenceLength))
            }
            return .string(try PythonFormat.percent(format, .tuple(args.positional), maxWidth: s.environment.limits.maxSequenceLength))
        }
        f["indent"] = { v, args, s in
            let b = try bind("indent", args, ["width", "first", "blank"])
            let indention: String
            if case .string(let w)? = b[0] {
                indention = w
            } else {
                let width = b[0]?.intValue ?? 4
                guard width <= s.environment.limits.maxSequenceLength else { throw JinjaError(.limit, "result too large") }
                indention = String(repeating: " ", count: max(0, width))
            }
            return .string(indent(try s.string(v), indention, first: b[1]?.isTruthy ?? false, blank: b[2]?.isTruthy ?? false))
        }
        f["truncate"] = { v, args, s in
            let b = try bind("truncate", args, ["length", "killwords", "end", "leeway"])
            let text = Array(try s.string(v).unicodeScalars)
            let length = b[0]?.intValue ?? 255
            let killwords = b[1]?.isTruthy ?? false
            let end = b[2].map { $0.pythonString } ?? "..."
            let leeway = b[3].flatMap { $0.isNone ? nil : $0.intValue } ?? 5
            let endCount = end.unicodeScalars.count
            guard length >= endCount else { throw JinjaError(.value, "expected length >= \(endCount), got \(length)") }
            guard leeway >= 0 else { throw JinjaError(.value, "expected leeway >= 0, got \(leeway)") }
            if text.count - length <= leeway { return .string(String(String.UnicodeScalarView(text))) }
            let head = String(String.UnicodeScalarView(text.prefix(length - endCount)))
            if killwords { return .string(head + end) }
            let parts = TextUtilities.rsplit(head, separator: " ", maxSplit: 1)
            return .string(parts[0] + end)
        }
        f["wordcount"] = { v, _, s in
            var count = 0
            var inWord = false
            for c in try s.string(v).unicodeScalars {
                let word = c.properties.isAlphabetic || c.properties.numericType != nil || c == "_"
                    || c.properties.generalCategory == .nonspacingMark
                if word && !inWord { count += 1 }
                inWord = word
            }
            return .int(count)
        }
        f["center"] = { v, args, s in
            let b = try bind("center", args, ["width"])
            let text = try s.string(v)
            return try Methods.call(.string(text), "center", Arguments([.int(b[0]?.intValue ?? 80)]), s) ?? .string(text)
        }
        f["escape"] = { v, _, s in
            if case .object(let o) = v, o is SafeString { return v }
            return .object(SafeString(htmlEscape(try s.string(v))))
        }
        f["e"] = f["escape"]
        f["forceescape"] = { v, _, s in .object(SafeString(htmlEscape(try s.string(v)))) }
        f["safe"] = { v, _, s in .object(SafeString(try s.string(v))) }
        f["tojson"] = { v, args, s in
            let b = try bind("tojson", args, ["indent"])
            let indent = b[0].flatMap { $0.isNone ? nil : $0.intValue }
            if let indent, indent > s.environment.limits.maxSequenceLength { throw JinjaError(.limit, "result too large") }
            var out = ""
            try JSONWriter.write(v, to: &out, indent: indent, level: 0, htmlSafe: true)
            return .string(out)
        }
        f["urlencode"] = { v, _, s in
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))
            return .string(try s.string(v).addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
    }

    /// Jinja2's `title`: each word starts after whitespace or one of `-([{<`.
    static func jinjaTitle(_ s: String) -> String {
        var out = ""
        var atStart = true
        var wordStart = true
        for c in s {
            let separator = c.isWhitespace || "-([{<".contains(c)
            if separator {
                out.append(c)
                wordStart = true
            } else {
                out += wordStart ? c.uppercased() : c.lowercased()
                wordStart = false
            }
            atStart = false
        }
        _ = atStart
        return out
    }

    static func indent(_ text: String, _ indention: String, first: Bool, blank: Bool) -> String {
        let s = text + "\n"
        var lines = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var rv: String
        if blank {
            rv = lines.joined(separator: "\n" + indention)
        } else {
            rv = lines.isEmpty ? "" : lines.removeFirst()
            if !lines.isEmpty {
                rv += "\n" + lines.map { $0.isEmpty ? $0 : indention + $0 }.joined(separator: "\n")
            }
        }
        if first { rv = indention + rv }
        return rv
    }

    static func htmlEscape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// Markup marked safe by `|safe` or produced by `|escape`; prints as its text.
final class SafeString: JinjaObject, @unchecked Sendable {
    let text: String
    init(_ text: String) { self.text = text }
    var typeName: String { "Markup" }
    func attribute(_ name: String) throws -> Value? { nil }
    var stringValue: String { text }
    var reprValue: String { "Markup(\(Value.string(text).pythonRepr))" }
    var isTruthy: Bool { !text.isEmpty }
    func iterate() throws -> [Value]? { text.unicodeScalars.map { .string(String($0)) } }
}

/// Python's `json.dumps` with Jinja2's `tojson` settings: sorted keys, ASCII only, and `<>&'`
/// escaped so the output is safe inside HTML.
enum JSONWriter {
    static func write(_ v: Value, to out: inout String, indent: Int?, level: Int, htmlSafe: Bool, sortKeys: Bool = true) throws {
        switch v {
        case .none: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isNaN { out += "NaN" } else if d.isInfinite { out += d < 0 ? "-Infinity" : "Infinity" } else { out += Value.formatDouble(d) }
        case .string(let s): writeString(s, to: &out, htmlSafe: htmlSafe)
        case .list(let l): try writeArray(l.items, to: &out, indent: indent, level: level, htmlSafe: htmlSafe, sortKeys: sortKeys)
        case .tuple(let t): try writeArray(t, to: &out, indent: indent, level: level, htmlSafe: htmlSafe, sortKeys: sortKeys)
        case .dict(let d):
            if d.items.isEmpty {
                out += "{}"
                return
            }
            try StackGuard.check(StackGuard.floor)
            var entries: [(String, Value)] = []
            for (k, value) in d.items {
                let key: String
                switch k {
                case .string(let s): key = s
                case .int(let i): key = String(i)
                case .bool(let b): key = b ? "true" : "false"
                case .none: key = "null"
                case .double(let x): key = Value.formatDouble(x)
                default: throw JinjaError(.type, "keys must be str, int, float, bool or None, not \(k.typeName)")
                }
                entries.append((key, value))
            }
            if sortKeys { entries.sort { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) } }
            out += "{"
            for (i, (k, value)) in entries.enumerated() {
                if i > 0 { out += indent == nil ? ", " : "," }
                try newline(&out, indent, level + 1)
                writeString(k, to: &out, htmlSafe: htmlSafe)
                out += ": "
                try write(value, to: &out, indent: indent, level: level + 1, htmlSafe: htmlSafe, sortKeys: sortKeys)
            }
            try newline(&out, indent, level)
            out += "}"
        case .object(let o):
            if let s = o as? SafeString {
                writeString(s.text, to: &out, htmlSafe: htmlSafe)
            } else if let items = try o.iterate() {
                try writeArray(items, to: &out, indent: indent, level: level, htmlSafe: htmlSafe, sortKeys: sortKeys)
            } else {
                throw JinjaError(.type, "Object of type \(o.typeName) is not JSON serializable")
            }
        case .undefined, .callable:
            throw JinjaError(.type, "Object of type \(v.typeName) is not JSON serializable")
        }
    }

    /// The most a pretty-printed document may grow to (a large indent times deep nesting).
    static let maxIndentedLength = 1 << 30

    private static func newline(_ out: inout String, _ indent: Int?, _ level: Int) throws {
        guard let indent else { return }
        // Python's json treats a negative indent as no indentation.
        let width = max(0, indent) * level
        guard out.utf8.count + width < maxIndentedLength else { throw JinjaError(.limit, "result too large") }
        out += "\n" + String(repeating: " ", count: width)
    }

    private static func writeArray(_ items: [Value], to out: inout String, indent: Int?, level: Int, htmlSafe: Bool, sortKeys: Bool) throws {
        // A list that contains itself recurses until here (Python: "Circular reference detected").
        try StackGuard.check(StackGuard.floor)
        if items.isEmpty {
            out += "[]"
            return
        }
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += indent == nil ? ", " : "," }
            try newline(&out, indent, level + 1)
            try write(item, to: &out, indent: indent, level: level + 1, htmlSafe: htmlSafe, sortKeys: sortKeys)
        }
        try newline(&out, indent, level)
        out += "]"
    }

    static func writeString(_ s: String, to out: inout String, htmlSafe: Bool) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<" where htmlSafe: out += "\\u003c"
            case ">" where htmlSafe: out += "\\u003e"
            case "&" where htmlSafe: out += "\\u0026"
            case "'" where htmlSafe: out += "\\u0027"
            default:
                if u.value < 0x20 || u.value > 0x7f {
                    if u.value > 0xffff {
                        let v = u.value - 0x10000
                        out += hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff))
                    } else {
                        out += hex4(u.value)
                    }
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - h.count) + h
    }
}
