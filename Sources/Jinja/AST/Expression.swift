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
    /// Levels in this node's tree (1 for a leaf). The parser bounds it: evaluating, checking and
    /// freeing a tree recurse once per level, and a chain like `a.b.c…` or `1+1+1…` is as deep as
    /// it is long.
    package let depth: Int

    package init(_ kind: Kind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
        self.depth = 1 + Expression.childDepth(kind)
    }

    private static func childDepth(_ kind: Kind) -> Int {
        switch kind {
        case .literal, .name: return 0
        case .list(let items), .tuple(let items), .concat(let items):
            var d = 0
            for i in items { d = max(d, i.depth) }
            return d
        case .dict(let pairs):
            var d = 0
            for p in pairs { d = max(d, p.key.depth, p.value.depth) }
            return d
        case .attribute(let x, _), .unary(_, let x), .not(let x): return x.depth
        case .item(let a, let b), .binary(_, let a, let b), .and(let a, let b), .or(let a, let b):
            return max(a.depth, b.depth)
        case .slice(let x, let a, let b, let c):
            return max(x.depth, a?.depth ?? 0, b?.depth ?? 0, c?.depth ?? 0)
        case .compare(let first, let ops):
            var d = first.depth
            for o in ops { d = max(d, o.operand.depth) }
            return d
        case .conditional(let t, let a, let b): return max(t.depth, a.depth, b?.depth ?? 0)
        case .call(let callee, let args): return max(callee.depth, args.depth)
        case .filter(let input, _, let args): return max(input?.depth ?? 0, args.depth)
        case .test(let input, _, let args): return max(input.depth, args.depth)
        }
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
    /// The deepest argument's depth (0 without arguments).
    package var depth: Int {
        var d = max(splatPositional?.depth ?? 0, splatKeywords?.depth ?? 0)
        for a in positional { d = max(d, a.depth) }
        for k in keywords { d = max(d, k.value.depth) }
        return d
    }
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
