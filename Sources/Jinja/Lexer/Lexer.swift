/// Splits template source into tokens, applying Jinja2's whitespace control and `{% raw %}`.
///
/// Works on UTF-8 bytes: every delimiter is ASCII, so byte scanning is exact and fast.
package struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var tokens: [Token] = []

    /// Newlines are normalised to `\n` and one trailing newline is dropped unless
    /// `keepTrailingNewline`, exactly as Jinja2 prepares its source.
    package init(source: String, keepTrailingNewline: Bool = false) {
        var text = source
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        var bytes = Array(text.utf8)
        if !keepTrailingNewline, bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        self.bytes = bytes
    }

    /// Tokenizes the whole template.
    package mutating func tokenize() throws -> [Token] {
        tokens.reserveCapacity(bytes.count / 8)
        var stripLeadingWhitespace = false
        while index < bytes.count {
            let dataStart = index
            let dataLocation = location
            guard let tagStart = nextTagStart(from: index) else {
                emitData(dataStart, bytes.count, lstrip: stripLeadingWhitespace, rstrip: false, at: dataLocation)
                advance(to: bytes.count)
                break
            }
            let opener = bytes[tagStart + 1]
            let control = tagStart + 2 < bytes.count ? bytes[tagStart + 2] : 0
            let rstrip = control == UInt8(ascii: "-")
            emitData(dataStart, tagStart, lstrip: stripLeadingWhitespace, rstrip: rstrip, at: dataLocation)
            advance(to: tagStart)
            let tagLocation = location
            var bodyStart = tagStart + 2
            if control == UInt8(ascii: "-") || control == UInt8(ascii: "+") { bodyStart += 1 }
            switch opener {
            case UInt8(ascii: "#"):
                stripLeadingWhitespace = try lexComment(from: bodyStart, at: tagLocation)
            case UInt8(ascii: "%"):
                if let rawEnd = matchRawBegin(at: bodyStart) {
                    stripLeadingWhitespace = try lexRaw(contentStart: rawEnd.end, lstrip: rawEnd.strip, at: tagLocation)
                } else {
                    tokens.append(Token(.blockBegin, tagLocation))
                    advance(to: bodyStart)
                    stripLeadingWhitespace = try lexExpression(block: true)
                }
            default:
                tokens.append(Token(.variableBegin, tagLocation))
                advance(to: bodyStart)
                stripLeadingWhitespace = try lexExpression(block: false)
            }
        }
        tokens.append(Token(.eof, location))
        return tokens
    }

    // MARK: - Positions

    private var location: SourceLocation { SourceLocation(line: line, column: index - lineStart + 1) }

    /// Moves to `target`, counting the newlines passed.
    private mutating func advance(to target: Int) {
        var i = index
        while i < target {
            if bytes[i] == 10 {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        index = target
    }

    private func nextTagStart(from start: Int) -> Int? {
        var i = start
        let n = bytes.count - 1
        while i < n {
            if bytes[i] == UInt8(ascii: "{") {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "{") || next == UInt8(ascii: "%") || next == UInt8(ascii: "#") { return i }
            }
            i += 1
        }
        return nil
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 32 || (b >= 9 && b <= 13)
    }

    private mutating func emitData(_ start: Int, _ end: Int, lstrip: Bool, rstrip: Bool, at location: SourceLocation) {
        var s = start
        var e = end
        if lstrip { while s < e, Lexer.isSpace(bytes[s]) { s += 1 } }
        if rstrip { while e > s, Lexer.isSpace(bytes[e - 1]) { e -= 1 } }
        guard s < e else { return }
        tokens.append(Token(.data(String(decoding: bytes[s..<e], as: UTF8.self)), location))
    }

    private func syntaxError(_ message: String, at location: SourceLocation? = nil) -> JinjaError {
        JinjaError(.syntax, message, at: location ?? self.location)
    }

    // MARK: - Comments and raw blocks

    /// Skips a comment; returns whether it ended with `-#}`.
    private mutating func lexComment(from start: Int, at tagLocation: SourceLocation) throws -> Bool {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "#"), bytes[i + 1] == UInt8(ascii: "}") {
                let strip = i > start && bytes[i - 1] == UInt8(ascii: "-")
                advance(to: i + 2)
                return strip
            }
            i += 1
        }
        throw syntaxError("Missing end of comment tag", at: tagLocation)
    }

    /// If `{% raw %}` (with optional `-` controls) starts at `bodyStart`, where it ends and whether
    /// it strips the whitespace that follows.
    private func matchRawBegin(at bodyStart: Int) -> (end: Int, strip: Bool)? {
        var i = bodyStart
        while i < bytes.count, Lexer.isSpace(bytes[i]) { i += 1 }
        guard matches("raw", at: i) else { return nil }
        i += 3
        guard i < bytes.count, Lexer.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "%") else { return nil }
        while i < bytes.count, Lexer.isSpace(bytes[i]) { i += 1 }
        var strip = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") {
            strip = true
            i += 1
        }
        guard matches("%}", at: i) else { return nil }
        return (i + 2, strip)
    }

    private func matches(_ word: StaticString, at i: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let p = word.utf8Start
        for k in 0..<count where bytes[i + k] != p[k] { return false }
        return true
    }

    /// Emits the verbatim content of a raw block; returns whether `endraw` strips what follows.
    private mutating func lexRaw(contentStart: Int, lstrip: Bool, at tagLocation: SourceLocation) throws -> Bool {
        var i = contentStart
        while let tag = nextTagStart(from: i) {
            guard bytes[tag + 1] == UInt8(ascii: "%") else {
                i = tag + 1
                continue
            }
            var j = tag + 2
            var rstrip = false
            if j < bytes.count, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") {
                rstrip = bytes[j] == UInt8(ascii: "-")
                j += 1
            }
            while j < bytes.count, Lexer.isSpace(bytes[j]) { j += 1 }
            guard matches("endraw", at: j) else {
                i = tag + 1
                continue
            }
            j += 6
            while j < bytes.count, Lexer.isSpace(bytes[j]) { j += 1 }
            var stripAfter = false
            if j < bytes.count, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") {
                stripAfter = bytes[j] == UInt8(ascii: "-")
                j += 1
            }
            guard matches("%}", at: j) else { throw syntaxError("Expected '%}' after endraw") }
            let contentLocation = location
            emitData(contentStart, tag, lstrip: lstrip, rstrip: rstrip, at: contentLocation)
            advance(to: j + 2)
            return stripAfter
        }
        throw syntaxError("Missing end of raw directive", at: tagLocation)
    }

    // MARK: - Expressions

    /// Lexes the inside of `{{ }}` or `{% %}`; returns whether the closing tag had a `-`.
    private mutating func lexExpression(block: Bool) throws -> Bool {
        var balance: [UInt8] = []
        let closer = block ? UInt8(ascii: "%") : UInt8(ascii: "}")
        while true {
            while index < bytes.count, Lexer.isSpace(bytes[index]) { advance(to: index + 1) }
            guard index < bytes.count else {
                throw syntaxError("unexpected end of template, expected '\(block ? "end of statement block" : "end of print statement")'")
            }
            let b = bytes[index]
            if balance.isEmpty {
                if b == closer, index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "}") {
                    tokens.append(Token(block ? .blockEnd : .variableEnd, location))
                    advance(to: index + 2)
                    return false
                }
                if b == UInt8(ascii: "-") || (block && b == UInt8(ascii: "+")), index + 2 < bytes.count,
                   bytes[index + 1] == closer, bytes[index + 2] == UInt8(ascii: "}")
                {
                    tokens.append(Token(block ? .blockEnd : .variableEnd, location))
                    advance(to: index + 3)
                    return b == UInt8(ascii: "-")
                }
            }
            let start = location
            if Lexer.isNameStart(b) {
                var j = index + 1
                while j < bytes.count, Lexer.isNameContinue(bytes[j]) { j += 1 }
                tokens.append(Token(.name(String(decoding: bytes[index..<j], as: UTF8.self)), start))
                index = j
            } else if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                try lexNumber(at: start)
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                try lexString(quote: b, at: start)
            } else {
                let op = try lexOperator(at: start)
                switch op {
                case .lparen: balance.append(UInt8(ascii: ")"))
                case .lbracket: balance.append(UInt8(ascii: "]"))
                case .lbrace: balance.append(UInt8(ascii: "}"))
                case .rparen, .rbracket, .rbrace:
                    let expected = UInt8(ascii: Unicode.Scalar(op.rawValue)!)
                    guard let last = balance.popLast() else {
                        throw syntaxError("unexpected '\(op.rawValue)'", at: start)
                    }
                    if last != expected {
                        throw syntaxError("unexpected '\(op.rawValue)', expected '\(Character(Unicode.Scalar(last)))'", at: start)
                    }
                default: break
                }
                tokens.append(Token(.op(op), start))
            }
        }
    }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 95 || b >= 0x80
    }

    private static func isNameContinue(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 48 && b <= 57)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// Digits with single underscores between them, as Jinja2's number regexes allow.
    private func scanDigits(from start: Int, digit: (UInt8) -> Bool) -> Int {
        var j = start
        guard j < bytes.count, digit(bytes[j]) else { return start }
        j += 1
        while j < bytes.count {
            if digit(bytes[j]) {
                j += 1
            } else if bytes[j] == UInt8(ascii: "_"), j + 1 < bytes.count, digit(bytes[j + 1]) {
                j += 2
            } else {
                break
            }
        }
        return j
    }

    private mutating func lexNumber(at start: SourceLocation) throws {
        let s = index
        let afterDot = s > 0 && bytes[s - 1] == UInt8(ascii: ".")
        if bytes[s] == UInt8(ascii: "0"), s + 1 < bytes.count {
            let p = bytes[s + 1] | 0x20
            let radix: Int? = p == UInt8(ascii: "b") ? 2 : p == UInt8(ascii: "o") ? 8 : p == UInt8(ascii: "x") ? 16 : nil
            if let radix {
                var j = s + 2
                if j < bytes.count, bytes[j] == UInt8(ascii: "_") { j += 1 }
                let end = scanDigits(from: j) { b in
                    let v = Lexer.hexValue(b)
                    return v != nil && v! < radix
                }
                guard end > j else { throw syntaxError("invalid number literal", at: start) }
                let text = String(decoding: bytes[j..<end].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
                guard let v = Int(text, radix: radix) else { throw syntaxError("integer literal too large", at: start) }
                tokens.append(Token(.integer(v), start))
                index = end
                return
            }
        }
        var j = scanDigits(from: s, digit: Lexer.isDigit)
        var isFloat = false
        if !afterDot {
            if j + 1 < bytes.count, bytes[j] == UInt8(ascii: "."), Lexer.isDigit(bytes[j + 1]) {
                j = scanDigits(from: j + 1, digit: Lexer.isDigit)
                isFloat = true
            }
            if j < bytes.count, bytes[j] | 0x20 == UInt8(ascii: "e") {
                var k = j + 1
                if k < bytes.count, bytes[k] == UInt8(ascii: "+") || bytes[k] == UInt8(ascii: "-") { k += 1 }
                let e = scanDigits(from: k, digit: Lexer.isDigit)
                if e > k {
                    j = e
                    isFloat = true
                }
            }
        }
        let text = String(decoding: bytes[s..<j].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        if isFloat {
            tokens.append(Token(.float(Double(text) ?? .infinity), start))
        } else {
            // Jinja2 rejects leading zeros such as `01` (only `0`, `00`, … are valid).
            if text.count > 1, text.first == "0", text.contains(where: { $0 != "0" }) {
                throw syntaxError("invalid number literal '\(text)'", at: start)
            }
            guard let v = Int(text) else { throw JinjaError(.overflow, "integer literal too large: \(text)", at: start) }
            tokens.append(Token(.integer(v), start))
        }
        index = j
    }

    private static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 48...57: return Int(b - 48)
        case 97...102: return Int(b - 87)
        case 65...70: return Int(b - 55)
        default: return nil
        }
    }

    /// A quoted string with Python's backslash escapes (`\n`, `\xhh`, `\uhhhh`, octal, …); an
    /// unknown escape keeps its backslash, as Python does.
    private mutating func lexString(quote: UInt8, at start: SourceLocation) throws {
        var j = index + 1
        var out: [UInt8] = []
        var scalars = String.UnicodeScalarView()
        var usedScalars = false
        func flush() {
            if !out.isEmpty {
                scalars.append(contentsOf: String(decoding: out, as: UTF8.self).unicodeScalars)
                out.removeAll(keepingCapacity: true)
            }
        }
        while j < bytes.count {
            let b = bytes[j]
            if b == quote {
                let value: String
                if usedScalars {
                    flush()
                    value = String(scalars)
                } else {
                    value = String(decoding: out, as: UTF8.self)
                }
                tokens.append(Token(.string(value), start))
                advance(to: j + 1)
                return
            }
            if b == UInt8(ascii: "\\"), j + 1 < bytes.count {
                let e = bytes[j + 1]
                j += 2
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "\\"): out.append(92)
                case UInt8(ascii: "'"): out.append(39)
                case UInt8(ascii: "\""): out.append(34)
                case UInt8(ascii: "a"): out.append(7)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "v"): out.append(11)
                case UInt8(ascii: "\n"): break
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var v = Int(e - 48)
                    var k = 0
                    while k < 2, j < bytes.count, bytes[j] >= 48, bytes[j] <= 55 {
                        v = v * 8 + Int(bytes[j] - 48)
                        j += 1
                        k += 1
                    }
                    flush()
                    usedScalars = true
                    scalars.append(Unicode.Scalar(UInt32(v))!)
                case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let width = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
                    guard j + width <= bytes.count else { throw syntaxError("truncated \\\(Character(Unicode.Scalar(e))) escape", at: start) }
                    var v: UInt32 = 0
                    for k in 0..<width {
                        guard let d = Lexer.hexValue(bytes[j + k]) else {
                            throw syntaxError("truncated \\\(Character(Unicode.Scalar(e))) escape", at: start)
                        }
                        v = v * 16 + UInt32(d)
                    }
                    j += width
                    guard let scalar = Unicode.Scalar(v) else { throw syntaxError("illegal Unicode character in string", at: start) }
                    flush()
                    usedScalars = true
                    scalars.append(scalar)
                default:
                    out.append(92)
                    out.append(e)
                }
                continue
            }
            out.append(b)
            j += 1
        }
        throw syntaxError("unexpected end of string literal", at: start)
    }

    private mutating func lexOperator(at start: SourceLocation) throws -> Operator {
        let b = bytes[index]
        let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
        let two: Operator?
        switch (b, next) {
        case (UInt8(ascii: "/"), UInt8(ascii: "/")): two = .floordiv
        case (UInt8(ascii: "*"), UInt8(ascii: "*")): two = .pow
        case (UInt8(ascii: "="), UInt8(ascii: "=")): two = .eq
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): two = .ne
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): two = .gteq
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): two = .lteq
        default: two = nil
        }
        if let two {
            index += 2
            return two
        }
        guard let op = Operator(rawValue: String(UnicodeScalar(b))) else {
            let char = String(decoding: [b], as: UTF8.self)
            throw syntaxError("unexpected char \(Value.string(char).pythonRepr) at \(index)", at: start)
        }
        index += 1
        return op
    }
}
