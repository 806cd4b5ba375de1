import Jinja

/// A Python `re.sub` replacement template, parsed once: literal text, `\1`, `\g<1>`,
/// `\g<name>`, and the escapes `\n \t \r \f \v \a \b \\`. An unmatched group expands to
/// nothing; an unknown escape of an ASCII letter is an error, as in Python.
struct RegexReplacement {
    private enum Piece {
        case text(String)
        case group(Int)
    }

    private var pieces: [Piece] = []

    init(_ template: String, regex: PythonRegex) throws {
        let chars = Array(template)
        var literal = ""
        var i = 0
        func flush() {
            if !literal.isEmpty { pieces.append(.text(literal)) }
            literal = ""
        }
        func group(_ key: Value, _ shown: String) throws {
            guard let index = regex.groupIndex(key) else { throw JinjaError(.value, "re.error: invalid group reference \(shown)") }
            flush()
            pieces.append(.group(index))
        }
        while i < chars.count {
            let c = chars[i]
            guard c == "\\", i + 1 < chars.count else {
                literal.append(c)
                i += 1
                continue
            }
            let next = chars[i + 1]
            i += 2
            switch next {
            case "n": literal += "\n"
            case "t": literal += "\t"
            case "r": literal += "\r"
            case "f": literal += "\u{0C}"
            case "v": literal += "\u{0B}"
            case "a": literal += "\u{07}"
            case "b": literal += "\u{08}"
            case "\\": literal += "\\"
            case "g":
                guard i < chars.count, chars[i] == "<", let close = chars[i...].firstIndex(of: ">") else {
                    throw JinjaError(.value, "re.error: missing group name")
                }
                let name = String(chars[(i + 1)..<close])
                i = close + 1
                try group(Int(name).map(Value.int) ?? .string(name), name)
            case "0": literal += "\u{0}"
            case "1"..."9":
                var digits = String(next)
                if i < chars.count, chars[i].isASCII, chars[i].isNumber {
                    digits.append(chars[i])
                    i += 1
                }
                try group(.int(Int(digits)!), digits)
            default:
                if next.isASCII && next.isLetter { throw JinjaError(.value, "re.error: bad escape \\\(next)") }
                literal += "\\" + String(next)
            }
        }
        flush()
    }

    /// The replacement text for one match.
    func expand(_ match: RegexMatchValue) throws -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let s): out += s
            case .group(let i): out += match.group(i) ?? ""
            }
        }
        return out
    }
}
