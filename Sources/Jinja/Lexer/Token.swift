/// One lexical token of a template, with the position where it starts.
package struct Token: Sendable {
    package enum Kind: Sendable, Equatable {
        /// Literal text between tags, already whitespace-trimmed by `-` controls.
        case data(String)
        case variableBegin, variableEnd
        case blockBegin, blockEnd
        case name(String)
        case string(String)
        case integer(Int)
        case float(Double)
        case op(Operator)
        case eof
    }

    package var kind: Kind
    package var location: SourceLocation

    package init(_ kind: Kind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// Punctuation and operators inside `{{ }}` and `{% %}`.
package enum Operator: String, Sendable, CaseIterable {
    case add = "+", sub = "-", mul = "*", div = "/", floordiv = "//", mod = "%", pow = "**"
    case tilde = "~"
    case lbracket = "[", rbracket = "]", lparen = "(", rparen = ")", lbrace = "{", rbrace = "}"
    case eq = "==", ne = "!=", gt = ">", gteq = ">=", lt = "<", lteq = "<="
    case assign = "=", dot = ".", colon = ":", pipe = "|", comma = ",", semicolon = ";"
}

extension Token.Kind: CustomStringConvertible {
    package var description: String {
        switch self {
        case .data: return "template data"
        case .variableBegin: return "begin of print statement"
        case .variableEnd: return "end of print statement"
        case .blockBegin: return "begin of statement block"
        case .blockEnd: return "end of statement block"
        case .name(let n): return n
        case .string(let s): return Value.string(s).pythonRepr
        case .integer(let i): return String(i)
        case .float(let d): return Value.formatDouble(d)
        case .op(let o): return o.rawValue
        case .eof: return "end of template"
        }
    }
}
