import Foundation

/// Python's two string formatting languages: `'%s' % x` (and the `format` filter) and
/// `'{}'.format(x)`.
enum PythonFormat {
    // MARK: - printf-style

    /// `format % args`; `args` is a tuple of values, a dict for `%(name)s`, or a single value.
    /// `maxWidth` bounds field widths and precisions (`RenderLimits.maxSequenceLength`).
    static func percent(_ format: String, _ args: Value, maxWidth: Int = PythonFormat.maxWidth) throws -> String {
        let positional: [Value]
        var mapping: DictStorage?
        switch args {
        case .tuple(let t): positional = t
        case .dict(let d):
            positional = [args]
            mapping = d
        default: positional = [args]
        }
        var next = 0
        var out = ""
        // UTF-8 bytes: every directive character is ASCII, and literal runs copy in one piece (a
        // 100 MB format string takes Python 0.1 s; decoding it scalar by scalar took seconds).
        let bytes = Array(format.utf8)
        var i = 0
        func takeArgument() throws -> Value {
            guard next < positional.count else { throw JinjaError(.type, "not enough arguments for format string") }
            defer { next += 1 }
            return positional[next]
        }
        func byte(_ c: Unicode.Scalar) -> UInt8 { UInt8(c.value) }
        while i < bytes.count {
            if bytes[i] != byte("%") {
                var j = i + 1
                while j < bytes.count, bytes[j] != byte("%") { j += 1 }
                out += String(decoding: bytes[i..<j], as: UTF8.self)
                i = j
                continue
            }
            i += 1
            guard i < bytes.count else { throw JinjaError(.value, "incomplete format") }
            var key: String?
            if bytes[i] == byte("(") {
                var depth = 1
                var j = i + 1
                while j < bytes.count, depth > 0 {
                    if bytes[j] == byte("(") { depth += 1 }
                    if bytes[j] == byte(")") { depth -= 1 }
                    j += 1
                }
                guard depth == 0 else { throw JinjaError(.value, "incomplete format key") }
                key = String(decoding: bytes[(i + 1)..<(j - 1)], as: UTF8.self)
                i = j
            }
            var spec = FormatSpec()
            while i < bytes.count, "-+ 0#".utf8.contains(bytes[i]) {
                switch bytes[i] {
                case byte("-"): spec.align = "<"
                case byte("+"): spec.sign = "+"
                case byte(" "): if spec.sign != "+" { spec.sign = " " }
                case byte("0"): spec.zeroPad = true
                default: spec.alternate = true
                }
                i += 1
            }
            if i < bytes.count, bytes[i] == byte("*") {
                spec.width = try takeArgument().intValue
                i += 1
            } else {
                spec.width = readInt(bytes, &i)
            }
            if i < bytes.count, bytes[i] == byte(".") {
                i += 1
                if i < bytes.count, bytes[i] == byte("*") {
                    spec.precision = try takeArgument().intValue
                    i += 1
                } else {
                    spec.precision = readInt(bytes, &i) ?? 0
                }
            }
            while i < bytes.count, "hlL".utf8.contains(bytes[i]) { i += 1 }
            guard i < bytes.count else { throw JinjaError(.value, "incomplete format") }
            // The conversion character; a non-ASCII one is decoded whole for the error message.
            var end = i + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let type = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first!
            i = end
            if type == "%" {
                out += "%"
                continue
            }
            let value: Value
            if let key {
                guard let mapping else { throw JinjaError(.type, "format requires a mapping") }
                guard let v = mapping[key] else { throw JinjaError(.host, "KeyError: '\(key)'") }
                value = v
            } else {
                value = try takeArgument()
            }
            if spec.align == "<" { spec.zeroPad = false }
            spec.type = Character(type)
            out += try formatValue(value, spec, percentStyle: true, maxWidth: maxWidth)
        }
        // A dict argument may go unused ('%s' % {} prints the dict; 'x' % {} prints 'x').
        if mapping == nil, next < positional.count {
            throw JinjaError(.type, "not all arguments converted during string formatting")
        }
        return out
    }

    /// The widest field or longest precision a format may ask for.
    static let maxWidth = 100_000_000

    private static func readInt(_ s: [UInt8], _ i: inout Int) -> Int? {
        var v: Int?
        while i < s.count, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "9") {
            let d = Int(s[i] - UInt8(ascii: "0"))
            // Saturates: `formatValue` rejects widths that large.
            let (times10, o1) = (v ?? 0).multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(d)
            v = o1 || o2 ? Int.max : sum
            i += 1
        }
        return v
    }

    // MARK: - str.format

    /// `template.format(*positional, **keywords)`.
    /// `nesting`: how many more levels of `{:{…}}` Python allows.
    static func format(_ template: String, _ args: Arguments, _ state: RenderState, nesting: Int = 2) throws -> String {
        guard nesting > 0 else { throw JinjaError(.value, "Max string recursion exceeded") }
        var out = ""
        let s = Array(template.unicodeScalars)
        var i = 0
        var autoIndex = 0
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if i + 1 < s.count, s[i + 1] == "{" {
                    out += "{"
                    i += 2
                    continue
                }
                var j = i + 1
                var depth = 1
                while j < s.count {
                    if s[j] == "{" { depth += 1 }
                    if s[j] == "}" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    j += 1
                }
                guard j < s.count else { throw JinjaError(.value, "Single '{' encountered in format string") }
                let field = String(String.UnicodeScalarView(s[(i + 1)..<j]))
                out += try formatField(field, args, &autoIndex, state, nesting: nesting)
                i = j + 1
            } else if c == "}" {
                guard i + 1 < s.count, s[i + 1] == "}" else {
                    throw JinjaError(.value, "Single '}' encountered in format string")
                }
                out += "}"
                i += 2
            } else {
                out.unicodeScalars.append(c)
                i += 1
            }
        }
        return out
    }

    private static func formatField(_ field: String, _ args: Arguments, _ autoIndex: inout Int,
                                    _ state: RenderState, nesting: Int) throws -> String {
        var name = field
        var specText = ""
        var conversion: Character?
        if let colon = field.firstIndex(of: ":") {
            name = String(field[..<colon])
            specText = String(field[field.index(after: colon)...])
        }
        if let bang = name.firstIndex(of: "!") {
            conversion = name[name.index(after: bang)...].first
            name = String(name[..<bang])
        }
        // The field name: an index or keyword, then `.attr` / `[key]` parts.
        var head = name
        var rest = Substring("")
        if let cut = name.firstIndex(where: { $0 == "." || $0 == "[" }) {
            head = String(name[..<cut])
            rest = name[cut...]
        }
        var value: Value
        if head.isEmpty {
            guard autoIndex < args.positional.count else {
                throw JinjaError(.host, "IndexError: Replacement index \(autoIndex) out of range for positional args tuple")
            }
            value = args.positional[autoIndex]
            autoIndex += 1
        } else if head.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let index = Int(head) {
            guard index < args.positional.count else {
                throw JinjaError(.host, "IndexError: Replacement index \(index) out of range for positional args tuple")
            }
            value = args.positional[index]
        } else {
            guard let v = args.keyword(head) else { throw JinjaError(.host, "KeyError: '\(head)'") }
            value = v
        }
        while let first = rest.first {
            if first == "." {
                rest = rest.dropFirst()
                let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? rest.endIndex
                value = try state.attribute(of: value, String(rest[..<end]))
                rest = rest[end...]
            } else {
                guard first == "[" else { throw JinjaError(.value, "Only '.' or '[' may follow ']' in format field specifier") }
                guard let close = rest.firstIndex(of: "]") else { throw JinjaError(.value, "Missing ']' in format string") }
                let keyText = String(rest[rest.index(after: rest.startIndex)..<close])
                value = try state.item(of: value, Int(keyText).map { .int($0) } ?? .string(keyText))
                rest = rest[rest.index(after: close)...]
            }
        }
        if conversion == "r" { value = .string(value.pythonRepr) }
        if conversion == "s" { value = .string(value.pythonString) }
        if specText.utf8.contains(UInt8(ascii: "{")) {
            specText = try format(specText, args, state, nesting: nesting - 1)
        }
        return try formatValue(value, try FormatSpec(parsing: specText), percentStyle: false,
                               maxWidth: state.environment.limits.maxSequenceLength)
    }

    // MARK: - Shared value formatting

    struct FormatSpec {
        var fill: Character = " "
        var align: Character?
        var sign: Character = "-"
        var alternate = false
        var zeroPad = false
        var width: Int?
        var grouping: Character?
        var precision: Int?
        var type: Character?

        init() {}

        /// Parses Python's format-spec mini-language.
        init(parsing text: String) throws {
            var chars = Array(text)
            var i = 0
            if chars.count >= 2, "<>=^".contains(chars[1]) {
                fill = chars[0]
                align = chars[1]
                i = 2
            } else if let first = chars.first, "<>=^".contains(first) {
                align = first
                i = 1
            }
            if i < chars.count, "+- ".contains(chars[i]) {
                sign = chars[i]
                i += 1
            }
            if i < chars.count, chars[i] == "#" {
                alternate = true
                i += 1
            }
            if i < chars.count, chars[i] == "0" {
                zeroPad = true
                i += 1
            }
            var digits = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                digits.append(chars[i])
                i += 1
            }
            width = Int(digits)
            if i < chars.count, chars[i] == "," || chars[i] == "_" {
                grouping = chars[i]
                i += 1
            }
            if i < chars.count, chars[i] == "." {
                i += 1
                var p = ""
                while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                    p.append(chars[i])
                    i += 1
                }
                guard !p.isEmpty else { throw JinjaError(.value, "Format specifier missing precision") }
                precision = Int(p)
            }
            if i < chars.count {
                type = chars[i]
                i += 1
            }
            guard i == chars.count else { throw JinjaError(.value, "Invalid format specifier '\(text)'") }
            chars.removeAll()
        }
    }

    static func formatValue(_ value: Value, _ spec: FormatSpec, percentStyle: Bool, maxWidth: Int = PythonFormat.maxWidth) throws -> String {
        // Python fails with MemoryError somewhere above this; we refuse up front.
        if (spec.width ?? 0) > maxWidth || (spec.precision ?? 0) > maxWidth { throw JinjaError(.value, "width or precision too big") }
        var spec = spec
        let type = spec.type
        var body: String
        var negative = false
        var numeric = true
        switch type {
        case nil where !value.isNumber || value.isBoolValue, "s":
            numeric = false
            body = value.pythonString
            if let p = spec.precision { body = String(body.unicodeScalars.prefix(p).map(Character.init)) }
        case "r", "a":
            numeric = false
            body = value.pythonRepr
            if let p = spec.precision { body = String(body.prefix(p)) }
        case "c":
            numeric = false
            if let i = value.intValue, let u = Unicode.Scalar(UInt32(clamping: max(0, i))) { body = String(Character(u)) } else { body = value.pythonString }
        case "d", "i", "u", "x", "X", "o", "b", "n":
            let number: Int
            if percentStyle, case .double(let d) = value {
                guard d.isFinite else { throw JinjaError(.overflow, "cannot convert float infinity to integer") }
                guard let n = Int(exactly: d.rounded(.towardZero)) else {
                    throw JinjaError(.overflow, "float \(Value.formatDouble(d)) is too large to format as an integer here")
                }
                number = n
            } else if let i = value.intValue {
                number = i
            } else {
                throw JinjaError(.type, "%\(type!) format: a real number is required, not \(value.typeName)")
            }
            negative = number < 0
            let magnitude = number.magnitude
            switch type {
            case "x": body = String(magnitude, radix: 16); if spec.alternate { body = "0x" + body }
            case "X": body = String(magnitude, radix: 16).uppercased(); if spec.alternate { body = "0X" + body }
            case "o": body = String(magnitude, radix: 8); if spec.alternate { body = "0o" + body }
            case "b": body = String(magnitude, radix: 2); if spec.alternate { body = "0b" + body }
            default: body = group(String(magnitude), spec.grouping)
            }
        default:
            guard let d = value.doubleValue else {
                throw JinjaError(.type, "must be real number, not \(value.typeName)")
            }
            negative = d < 0 || (d == 0 && d.sign == .minus)
            let m = abs(d)
            switch type {
            case nil:
                if case .int(let i) = value {
                    negative = i < 0
                    body = group(String(i.magnitude), spec.grouping)
                } else if let p = spec.precision {
                    body = formatGeneral(m, precision: p, repr: true)
                } else {
                    body = Value.formatDouble(m)
                    if let g = spec.grouping, let dot = body.firstIndex(of: ".") {
                        body = group(String(body[..<dot]), g) + body[dot...]
                    }
                }
            case "f", "F":
                body = m.isFinite ? printf(m, spec.precision ?? 6, "f") : (m.isNaN ? "nan" : "inf")
                if type == "F" { body = body.uppercased() }
                body = groupFixed(body, spec.grouping)
            case "e", "E":
                body = m.isFinite ? printf(m, spec.precision ?? 6, "e") : (m.isNaN ? "nan" : "inf")
                if type == "E" { body = body.uppercased() }
            case "g", "G":
                body = formatGeneral(m, precision: spec.precision ?? 6, repr: false, alternate: spec.alternate)
                if type == "G" { body = body.uppercased() }
            case "%":
                body = printf(m * 100, spec.precision ?? 6, "f") + "%"
            default:
                throw JinjaError(.value, "Unknown format code '\(type!)' for object of type '\(value.typeName)'")
            }
        }
        if !numeric {
            // printf-style right-aligns text; format() left-aligns it.
            return pad(body, spec, defaultAlign: percentStyle ? ">" : "<")
        }
        var signText = ""
        if negative { signText = "-" } else if spec.sign == "+" { signText = "+" } else if spec.sign == " " { signText = " " }
        if spec.zeroPad, spec.align == nil || spec.align == "=" {
            spec.fill = "0"
            spec.align = "="
        }
        if spec.align == "=" {
            let width = spec.width ?? 0
            let padding = max(0, width - signText.count - body.count)
            return signText + TextUtilities.repeated(spec.fill, count: padding) + body
        }
        return pad(signText + body, spec, defaultAlign: ">")
    }

    private static func pad(_ text: String, _ spec: FormatSpec, defaultAlign: Character) -> String {
        guard let width = spec.width else { return text }
        let count = text.count
        guard count < width else { return text }
        let padding = width - count
        switch spec.align ?? defaultAlign {
        case "<": return text + TextUtilities.repeated(spec.fill, count: padding)
        case "^":
            let left = padding / 2
            return TextUtilities.repeated(spec.fill, count: left) + text + TextUtilities.repeated(spec.fill, count: padding - left)
        default: return TextUtilities.repeated(spec.fill, count: padding) + text
        }
    }

    private static func group(_ digits: String, _ separator: Character?) -> String {
        guard let separator else { return digits }
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(separator) }
            out.append(c)
        }
        return String(out.reversed())
    }

    /// A double's exact decimal expansion ends within this many digits after the point; past
    /// it every digit is 0, and glibc takes seconds to print a hundred million of them.
    private static let exactDigits = 1100

    /// `%.<precision>f` or `%.<precision>e` of a finite `m`, with the zeros past `exactDigits`
    /// appended rather than printed.
    private static func printf(_ m: Double, _ precision: Int, _ type: Character) -> String {
        guard precision > exactDigits else { return CFormat.format(m, precision: precision, type.asciiValue!) }
        let s = CFormat.format(m, precision: exactDigits, type.asciiValue!)
        let zeros = TextUtilities.repeated("0", count: precision - exactDigits)
        if type == "e", let e = s.lastIndex(of: "e") { return s[..<e] + zeros + s[e...] }
        return s + zeros
    }

    private static func groupFixed(_ text: String, _ separator: Character?) -> String {
        guard let separator else { return text }
        if let dot = text.firstIndex(of: ".") { return group(String(text[..<dot]), separator) + text[dot...] }
        return group(text, separator)
    }

    /// `%g` / `{:g}`; with `repr` (a float formatted with a precision and no type) Python keeps
    /// at least one decimal digit.
    private static func formatGeneral(_ m: Double, precision: Int, repr: Bool, alternate: Bool = false) -> String {
        guard m.isFinite else { return m.isNaN ? "nan" : "inf" }
        // Without `#` the trailing zeros go, and the digits past `exactDigits` are all zeros.
        let p = max(alternate ? precision : min(precision, exactDigits), 1)
        var s = CFormat.format(m, precision: p, UInt8(ascii: "g"), alternate: alternate)
        if repr, !s.utf8.contains(UInt8(ascii: "e")), !s.utf8.contains(UInt8(ascii: ".")) { s += ".0" }
        return s
    }
}

extension Value {
    var isBoolValue: Bool {
        if case .bool = self { return true }
        return false
    }
}
