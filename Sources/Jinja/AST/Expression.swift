/// An expression node: what sits inside `{{ }}` and in statement heads.
package struct Expression: Sendable {
    package indirect enum Kind: Sendable {
        case literal(Value)
        case name(String)
        case list([Expression])
        case tuple([Expression])
        case dict([(key: Expression, value: Expression)])
        case attribute(Expression, String)
        case item(Expression, Expression)
        case slice(Expression, start: Expression?, stop: Expression?, step: Expression?)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        case and(Expression, Expression)
        case or(Expression, Expression)
        case not(Expression)
        case compare(Expression, [(op: CompareOperator, operand: Expression)])
        /// `a ~ b ~ c`: string concatenation.
        case concat([Expression])
        case conditional(test: Expression, then: Expression, otherwise: Expression?)
        case call(Expression, CallArguments)
        /// A filter applied to `input`; `input` is nil inside `{% filter %}` and `{% set x | f %}`.
        case filter(input: Expression?, name: String, arguments: CallArguments)
        case test(Expression, name: String, arguments: CallArguments)
    }

    package var kind: Kind
    package var location: SourceLocation

    package init(_ kind: Kind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// Arguments of a call, filter or test as written.
package struct CallArguments: Sendable {
    package var positional: [Expression] = []
    package var keywords: [(name: String, value: Expression)] = []
    /// `*args`
    package var splatPositional: Expression?
    /// `**kwargs`
    package var splatKeywords: Expression?

    package static let empty = CallArguments()
    package var isEmpty: Bool {
        positional.isEmpty && keywords.isEmpty && splatPositional == nil && splatKeywords == nil
    }
}

package enum UnaryOperator: Sendable { case negate, plus }

package enum BinaryOperator: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", floordiv = "//", mod = "%", pow = "**"
}

package enum CompareOperator: String, Sendable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=", `in` = "in", notIn = "not in"
}
