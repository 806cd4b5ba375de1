/// Recursive-descent parser with Jinja2's grammar and precedence.
///
/// Nesting is bounded (`maxDepth`), and so is the depth of every expression tree
/// (`maxExpressionDepth`: a chain such as `a.b.c…`, `x|f|f…` or `1+1+1…` parses flat but is as
/// deep as it is long), so that hostile or generated input fails with a syntax error instead of
/// exhausting the stack when the tree is checked, evaluated or freed. Python's jinja2 hits its
/// recursion limit at about 490 chained operators or 330 chained filters or attributes.
package struct Parser {
    private var tokens: [Token]
    private var position = 0
    private var depth = 0
    private let maxDepth: Int
    private let maxExpressionDepth: Int
    private let macroTags: [String: String]
    private let stackFloor = StackGuard.floor

    package init(tokens: [Token], maxDepth: Int = 120, maxExpressionDepth: Int = 300, macroTags: [String: String] = [:]) {
        self.tokens = tokens
        self.maxDepth = maxDepth
        self.maxExpressionDepth = maxExpressionDepth
        self.macroTags = macroTags
    }

    /// Parses a whole template into its top-level statements.
    package mutating func parseTemplate() throws -> [Statement] {
        let body = try subparse(endTags: [])
        if case .eof = current.kind { return body }
        throw error("unexpected \(current.kind)")
    }

    // MARK: - Token stream

    private var current: Token { tokens[position] }
    private var peek: Token { tokens[min(position + 1, tokens.count - 1)] }

    private mutating func next() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    private func error(_ message: String, at location: SourceLocation? = nil) -> JinjaError {
        JinjaError(.syntax, message, at: location ?? current.location)
    }

    private func isName(_ name: String, _ token: Token? = nil) -> Bool {
        if case .name(let n) = (token ?? current).kind { return n == name }
        return false
    }

    private func isOp(_ op: Operator) -> Bool {
        if case .op(let o) = current.kind { return o == op }
        return false
    }

    private mutating func skipOp(_ op: Operator) -> Bool {
        if isOp(op) {
            position += 1
            return true
        }
        return false
    }

    private mutating func skipName(_ name: String) -> Bool {
        if isName(name) {
            position += 1
            return true
        }
        return false
    }

    private mutating func expectOp(_ op: Operator) throws {
        guard skipOp(op) else { throw error("expected token '\(op.rawValue)', got '\(current.kind)'") }
    }

    private mutating func expectName(_ name: String) throws {
        guard skipName(name) else { throw error("expected token '\(name)', got '\(current.kind)'") }
    }

    private mutating func expectBlockEnd() throws {
        guard case .blockEnd = current.kind else {
            throw error("expected token 'end of statement block', got '\(current.kind)'")
        }
        _ = next()
    }

    private mutating func identifier() throws -> String {
        guard case .name(let n) = current.kind else {
            throw error("expected name, got '\(current.kind)'")
        }
        _ = next()
        return n
    }

    private mutating func enter() throws {
        depth += 1
        if depth > maxDepth { throw error("template nesting too deep (more than \(maxDepth) levels)") }
        if !StackGuard.hasRoom(above: stackFloor) { throw error("template nesting too deep for the stack") }
    }

    /// `node`, unless its tree is deeper than `maxExpressionDepth`.
    private func bounded(_ node: Expression) throws -> Expression {
        if node.depth > maxExpressionDepth {
            throw error("expression too deeply nested (more than \(maxExpressionDepth) levels)", at: node.location)
        }
        return node
    }

    // MARK: - Statements

    /// Parses until a block tag whose name is in `endTags`; leaves the stream on that name.
    private mutating func subparse(endTags: Set<String>) throws -> [Statement] {
        var body: [Statement] = []
        while true {
            let token = current
            switch token.kind {
            case .data(let text):
                _ = next()
                body.append(Statement(.text(text), token.location))
            case .variableBegin:
                _ = next()
                let expr = try parseTuple()
                guard case .variableEnd = current.kind else {
                    throw error("expected token 'end of print statement', got '\(current.kind)'")
                }
                _ = next()
                body.append(Statement(.output(expr), token.location))
            case .blockBegin:
                _ = next()
                if case .name(let n) = current.kind, endTags.contains(n) { return body }
                body.append(try parseStatement())
            case .eof:
                if !endTags.isEmpty {
                    let wanted = endTags.sorted().map { "'\($0)'" }.joined(separator: " or ")
                    throw error("Unexpected end of template. Jinja was looking for the following tags: \(wanted).")
                }
                return body
            default:
                throw error("unexpected '\(token.kind)'")
            }
        }
    }

    /// Parses the statements of a block body after its head, through the end tag.
    private mutating func parseBody(_ endTags: Set<String>, dropEnd: Bool) throws -> [Statement] {
        // Jinja2 allows a Python-style colon before the end of a block's opening tag
        // (`{% if execute: %}`); dbt's own macros use it.
        _ = skipOp(.colon)
        try expectBlockEnd()
        let body = try subparse(endTags: endTags)
        if dropEnd { _ = next() }
        return body
    }

    private mutating func parseStatement() throws -> Statement {
        try enter()
        defer { depth -= 1 }
        let token = current
        guard case .name(let tag) = token.kind else { throw error("tag name expected") }
        let statement: Statement
        switch tag {
        case "if": statement = try parseIf()
        case "for": statement = try parseFor()
        case "set": statement = try parseSet()
        case "macro": statement = try parseMacro()
        case "call": statement = try parseCallBlock()
        case "filter": statement = try parseFilterBlock()
        case "do":
            _ = next()
            statement = Statement(.do(try parseTuple()), token.location)
        case "with": statement = try parseWith()
        case "print":
            _ = next()
            statement = Statement(.output(try parseTuple()), token.location)
        default:
            if let prefix = macroTags[tag] {
                statement = try parseMacro(tag: tag, namePrefix: prefix)
                break
            }
            if tag.hasPrefix("end") || tag == "else" || tag == "elif" {
                throw error("Unexpected end tag '\(tag)'. Jinja was not looking for it here.")
            }
            throw error("Encountered unknown tag '\(tag)'.")
        }
        try expectBlockEnd()
        return statement
    }

    private mutating func parseIf() throws -> Statement {
        let location = next().location
        var branches: [(test: Expression, body: [Statement])] = []
        var otherwise: [Statement] = []
        var test = try parseTuple(withConditional: false)
        while true {
            let body = try parseBody(["elif", "else", "endif"], dropEnd: false)
            branches.append((test, body))
            let end = try identifier()
            if end == "elif" {
                test = try parseTuple(withConditional: false)
                continue
            }
            if end == "else" { otherwise = try parseBody(["endif"], dropEnd: true) }
            break
        }
        return Statement(.if(branches: branches, otherwise: otherwise), location)
    }

    private mutating func parseFor() throws -> Statement {
        let location = next().location
        let target = try parseAssignTarget(extraEnd: ["in"])
        try expectName("in")
        let iterable = try parseTuple(withConditional: false, extraEnd: ["recursive"])
        var filter: Expression?
        if skipName("if") { filter = try parseExpression() }
        let recursive = skipName("recursive")
        let body = try parseBody(["endfor", "else"], dropEnd: false)
        var otherwise: [Statement] = []
        if try identifier() == "else" { otherwise = try parseBody(["endfor"], dropEnd: true) }
        let usesLoop = NameUsage.mentions(["loop"], in: body) || (filter.map { NameUsage.mentions(["loop"], in: $0) } ?? false)
        return Statement(.for(ForLoop(target: target, iterable: iterable, filter: filter, recursive: recursive,
                                      body: body, otherwise: otherwise, usesLoopVariable: usesLoop || recursive)), location)
    }

    private mutating func parseSet() throws -> Statement {
        let location = next().location
        let target = try parseAssignTarget(withNamespace: true)
        if skipOp(.assign) {
            return Statement(.set(target, try parseTuple()), location)
        }
        let filter = try parseFilter(nil, startInline: false)
        let body = try parseBody(["endset"], dropEnd: true)
        return Statement(.setBlock(target, body: body, filter: filter), location)
    }

    /// `{% macro %}`, or a host-registered tag that defines a macro under a name prefix
    /// (`{% test not_null(model) %}…{% endtest %}` defines `test_not_null`); such tags may omit
    /// the parameter list.
    private mutating func parseMacro(tag: String = "macro", namePrefix: String = "") throws -> Statement {
        let location = next().location
        let name = namePrefix + (try identifier())
        var (params, defaults): ([String], [Expression?]) = ([], [])
        if tag == "macro" || isOp(.lparen) { (params, defaults) = try parseSignature() }
        let body = try parseBody(["end" + tag], dropEnd: true)
        return Statement(.macro(makeMacro(name: name, params: params, defaults: defaults, body: body, at: location)), location)
    }

    private func makeMacro(name: String, params: [String], defaults: [Expression?], body: [Statement],
                           at location: SourceLocation) -> MacroDefinition {
        let used = NameUsage.undeclared(["varargs", "kwargs", "caller"], in: body)
        return MacroDefinition(name: name, parameters: params, defaults: defaults, body: body, location: location,
                               catchesVarargs: used.contains("varargs"), catchesKwargs: used.contains("kwargs"),
                               usesCaller: used.contains("caller"))
    }

    private mutating func parseSignature() throws -> ([String], [Expression?]) {
        var params: [String] = []
        var defaults: [Expression?] = []
        try expectOp(.lparen)
        var sawDefault = false
        while !isOp(.rparen) {
            if !params.isEmpty { try expectOp(.comma) }
            if isOp(.rparen) { break }
            let nameLocation = current.location
            let name = try identifier()
            if skipOp(.assign) {
                defaults.append(try parseExpression())
                sawDefault = true
            } else {
                if sawDefault { throw error("non-default argument follows default argument", at: nameLocation) }
                defaults.append(nil)
            }
            params.append(name)
        }
        try expectOp(.rparen)
        return (params, defaults)
    }

    private mutating func parseCallBlock() throws -> Statement {
        let location = next().location
        var params: [String] = []
        var defaults: [Expression?] = []
        if isOp(.lparen) { (params, defaults) = try parseSignature() }
        let call = try parseExpression()
        guard case .call = call.kind else { throw error("expected call", at: call.location) }
        let body = try parseBody(["endcall"], dropEnd: true)
        let caller = makeMacro(name: "caller", params: params, defaults: defaults, body: body, at: location)
        return Statement(.callBlock(call: call, caller: caller), location)
    }

    private mutating func parseFilterBlock() throws -> Statement {
        let location = next().location
        guard let filter = try parseFilter(nil, startInline: true) else { throw error("expected filter name") }
        let body = try parseBody(["endfilter"], dropEnd: true)
        return Statement(.filterBlock(filter: filter, body: body), location)
    }

    private mutating func parseWith() throws -> Statement {
        let location = next().location
        var assignments: [(target: AssignTarget, value: Expression)] = []
        while !isBlockEnd {
            if !assignments.isEmpty { try expectOp(.comma) }
            let target = try parseAssignTarget()
            try expectOp(.assign)
            assignments.append((target, try parseExpression()))
        }
        let body = try parseBody(["endwith"], dropEnd: true)
        return Statement(.with(assignments: assignments, body: body), location)
    }

    private var isBlockEnd: Bool {
        if case .blockEnd = current.kind { return true }
        return false
    }

    private mutating func parseAssignTarget(extraEnd: Set<String> = [], withNamespace: Bool = false) throws -> AssignTarget {
        if withNamespace, case .name(let ns) = current.kind, case .op(.dot) = peek.kind {
            position += 2
            let attr = try identifier()
            return .namespaceAttribute(ns, attr)
        }
        let start = current.location
        let expr = try parseTuple(simplified: true, extraEnd: extraEnd)
        guard let target = AssignTarget(expr) else {
            throw error("can't assign to \(expr.kindName)", at: start)
        }
        return target
    }

    // MARK: - Expressions

    /// A comma-separated list of expressions; a single one unless there is a comma.
    private mutating func parseTuple(simplified: Bool = false, withConditional: Bool = true,
                                     extraEnd: Set<String> = [], explicitParentheses: Bool = false) throws -> Expression {
        let location = current.location
        var items: [Expression] = []
        var sawComma = false
        while true {
            if !items.isEmpty {
                try expectOp(.comma)
                sawComma = true
            }
            if isTupleEnd(extraEnd) { break }
            if simplified {
                items.append(try parsePrimary())
            } else if withConditional {
                items.append(try parseExpression())
            } else {
                items.append(try parseOr())
            }
            if !isOp(.comma) { break }
        }
        if !sawComma {
            if let only = items.first { return only }
            if !explicitParentheses { throw error("Expected an expression, got '\(current.kind)'") }
        }
        return Expression(.tuple(items), location)
    }

    private func isTupleEnd(_ extraEnd: Set<String>) -> Bool {
        switch current.kind {
        case .variableEnd, .blockEnd, .eof: return true
        case .op(.rparen): return true
        case .name(let n): return extraEnd.contains(n)
        default: return false
        }
    }

    package mutating func parseExpression() throws -> Expression {
        try enter()
        defer { depth -= 1 }
        var expr = try parseOr()
        while isName("if") {
            let location = next().location
            let test = try parseOr()
            var otherwise: Expression?
            if skipName("else") { otherwise = try parseExpression() }
            expr = try bounded(Expression(.conditional(test: test, then: expr, otherwise: otherwise), location))
        }
        return expr
    }

    private mutating func parseOr() throws -> Expression {
        var left = try parseAnd()
        while isName("or") {
            let location = next().location
            left = try bounded(Expression(.or(left, try parseAnd()), location))
        }
        return left
    }

    private mutating func parseAnd() throws -> Expression {
        var left = try parseNot()
        while isName("and") {
            let location = next().location
            left = try bounded(Expression(.and(left, try parseNot()), location))
        }
        return left
    }

    private mutating func parseNot() throws -> Expression {
        if isName("not") {
            let location = next().location
            try enter()
            defer { depth -= 1 }
            return Expression(.not(try parseNot()), location)
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws -> Expression {
        let location = current.location
        let first = try parseMath1()
        var ops: [(op: CompareOperator, operand: Expression)] = []
        while true {
            if case .op(let o) = current.kind, let op = CompareOperator(o) {
                _ = next()
                ops.append((op, try parseMath1()))
            } else if isName("in") {
                _ = next()
                ops.append((.in, try parseMath1()))
            } else if isName("not"), isName("in", peek) {
                position += 2
                ops.append((.notIn, try parseMath1()))
            } else {
                break
            }
        }
        return ops.isEmpty ? first : try bounded(Expression(.compare(first, ops), location))
    }

    private mutating func parseMath1() throws -> Expression {
        var left = try parseConcat()
        while case .op(let o) = current.kind, o == .add || o == .sub {
            let location = next().location
            left = try bounded(Expression(.binary(o == .add ? .add : .sub, left, try parseConcat()), location))
        }
        return left
    }

    private mutating func parseConcat() throws -> Expression {
        let location = current.location
        var parts = [try parseMath2()]
        while skipOp(.tilde) { parts.append(try parseMath2()) }
        return parts.count == 1 ? parts[0] : try bounded(Expression(.concat(parts), location))
    }

    private mutating func parseMath2() throws -> Expression {
        var left = try parsePow()
        while case .op(let o) = current.kind, let op = BinaryOperator(multiplicative: o) {
            let location = next().location
            left = try bounded(Expression(.binary(op, left, try parsePow()), location))
        }
        return left
    }

    private mutating func parsePow() throws -> Expression {
        var left = try parseUnary()
        while isOp(.pow) {
            let location = next().location
            left = try bounded(Expression(.binary(.pow, left, try parseUnary()), location))
        }
        return left
    }

    private mutating func parseUnary(withFilter: Bool = true) throws -> Expression {
        try enter()
        defer { depth -= 1 }
        var node: Expression
        let location = current.location
        if skipOp(.sub) {
            node = Expression(.unary(.negate, try parseUnary(withFilter: false)), location)
        } else if skipOp(.add) {
            node = Expression(.unary(.plus, try parseUnary(withFilter: false)), location)
        } else {
            node = try parsePrimary()
        }
        node = try parsePostfix(node)
        if withFilter { node = try parseFilterExpression(node) }
        return node
    }

    private mutating func parsePrimary() throws -> Expression {
        let token = current
        let location = token.location
        switch token.kind {
        case .name(let n):
            _ = next()
            switch n {
            case "true", "True": return Expression(.literal(.bool(true)), location)
            case "false", "False": return Expression(.literal(.bool(false)), location)
            case "none", "None": return Expression(.literal(.none), location)
            default: return Expression(.name(n), location)
            }
        case .string(var s):
            _ = next()
            while case .string(let more) = current.kind {
                s += more
                _ = next()
            }
            return Expression(.literal(.string(s)), location)
        case .integer(let i):
            _ = next()
            return Expression(.literal(.int(i)), location)
        case .float(let d):
            _ = next()
            return Expression(.literal(.double(d)), location)
        case .op(.lparen):
            _ = next()
            try enter()
            defer { depth -= 1 }
            let inner = try parseTuple(explicitParentheses: true)
            try expectOp(.rparen)
            return inner
        case .op(.lbracket):
            _ = next()
            try enter()
            defer { depth -= 1 }
            var items: [Expression] = []
            while !isOp(.rbracket) {
                if !items.isEmpty { try expectOp(.comma) }
                if isOp(.rbracket) { break }
                items.append(try parseExpression())
            }
            try expectOp(.rbracket)
            return Expression(.list(items), location)
        case .op(.lbrace):
            _ = next()
            try enter()
            defer { depth -= 1 }
            var items: [(key: Expression, value: Expression)] = []
            while !isOp(.rbrace) {
                if !items.isEmpty { try expectOp(.comma) }
                if isOp(.rbrace) { break }
                let key = try parseExpression()
                try expectOp(.colon)
                items.append((key, try parseExpression()))
            }
            try expectOp(.rbrace)
            return Expression(.dict(items), location)
        default:
            throw error("unexpected '\(token.kind)'")
        }
    }

    private mutating func parsePostfix(_ start: Expression) throws -> Expression {
        var node = start
        while true {
            if isOp(.dot) || isOp(.lbracket) {
                node = try bounded(parseSubscript(node))
            } else if isOp(.lparen) {
                node = try bounded(parseCall(node))
            } else {
                return node
            }
        }
    }

    private mutating func parseFilterExpression(_ start: Expression) throws -> Expression {
        var node = start
        while true {
            if isOp(.pipe) {
                node = try parseFilter(node, startInline: false)!
            } else if isName("is") {
                node = try bounded(parseTest(node))
            } else if isOp(.lparen) {
                node = try bounded(parseCall(node))
            } else {
                return node
            }
        }
    }

    private mutating func parseSubscript(_ node: Expression) throws -> Expression {
        let token = next()
        if case .op(.dot) = token.kind {
            let attrToken = next()
            switch attrToken.kind {
            case .name(let n): return Expression(.attribute(node, n), node.location)
            case .integer(let i): return Expression(.item(node, Expression(.literal(.int(i)), attrToken.location)), node.location)
            default: throw error("expected name or number", at: attrToken.location)
            }
        }
        // `[`
        try enter()
        defer { depth -= 1 }
        var args: [Expression] = []
        while !isOp(.rbracket) {
            if !args.isEmpty {
                try expectOp(.comma)
                if isOp(.rbracket) { break }
            }
            args.append(try parseSubscribed())
        }
        try expectOp(.rbracket)
        if args.count == 1 {
            if case .slice(_, let a, let b, let c) = args[0].kind {
                return Expression(.slice(node, start: a, stop: b, step: c), node.location)
            }
            return Expression(.item(node, args[0]), node.location)
        }
        return Expression(.item(node, Expression(.tuple(args), token.location)), node.location)
    }

    /// One subscript argument: an expression or a slice `a:b:c` (encoded as a slice on a dummy).
    private mutating func parseSubscribed() throws -> Expression {
        let location = current.location
        var start: Expression?
        if isOp(.colon) {
            _ = next()
        } else {
            let node = try parseExpression()
            guard isOp(.colon) else { return node }
            _ = next()
            start = node
        }
        var stop: Expression?
        var step: Expression?
        if !isOp(.rbracket) && !isOp(.comma) && !isOp(.colon) { stop = try parseExpression() }
        if skipOp(.colon), !isOp(.rbracket) && !isOp(.comma) { step = try parseExpression() }
        let placeholder = Expression(.literal(.none), location)
        return Expression(.slice(placeholder, start: start, stop: stop, step: step), location)
    }

    private mutating func parseCallArguments() throws -> CallArguments {
        let open = current.location
        try expectOp(.lparen)
        var args = CallArguments()
        var first = true
        while !isOp(.rparen) {
            if !first {
                try expectOp(.comma)
                if isOp(.rparen) { break }
            }
            first = false
            if isOp(.mul) {
                _ = next()
                args.splatPositional = try parseExpression()
            } else if isOp(.pow) {
                _ = next()
                args.splatKeywords = try parseExpression()
            } else if case .name(let n) = current.kind, case .op(.assign) = peek.kind {
                if args.splatKeywords != nil { throw error("invalid syntax for function call expression") }
                position += 2
                args.keywords.append((n, try parseExpression()))
            } else {
                if !args.keywords.isEmpty || args.splatPositional != nil || args.splatKeywords != nil {
                    throw error("invalid syntax for function call expression")
                }
                args.positional.append(try parseExpression())
            }
        }
        guard skipOp(.rparen) else { throw error("expected token ')'", at: open) }
        return args
    }

    private mutating func parseCall(_ node: Expression) throws -> Expression {
        // Errors of a call point at what is called, which is where a reader looks.
        Expression(.call(node, try parseCallArguments()), node.location)
    }

    private mutating func dottedName() throws -> String {
        var name = try identifier()
        while isOp(.dot) {
            _ = next()
            name += "." + (try identifier())
        }
        return name
    }

    private mutating func parseFilter(_ input: Expression?, startInline: Bool) throws -> Expression? {
        var node = input
        var inline = startInline
        while isOp(.pipe) || inline {
            if !inline { _ = next() }
            inline = false
            let location = current.location
            let name = try dottedName()
            let args = isOp(.lparen) ? try parseCallArguments() : .empty
            node = try bounded(Expression(.filter(input: node, name: name, arguments: args), location))
        }
        return node
    }

    private mutating func parseTest(_ node: Expression) throws -> Expression {
        _ = next()
        let negated = skipName("not")
        let location = current.location
        let name = try dottedName()
        var args = CallArguments.empty
        if isOp(.lparen) {
            args = try parseCallArguments()
        } else if startsTestArgument {
            if isName("is") { throw error("You cannot chain multiple tests with is") }
            var arg = try parsePrimary()
            arg = try parsePostfix(arg)
            args.positional = [arg]
        }
        let test = Expression(.test(node, name: name, arguments: args), location)
        return negated ? Expression(.not(test), location) : test
    }

    private var startsTestArgument: Bool {
        switch current.kind {
        case .name(let n): return n != "else" && n != "or" && n != "and"
        case .string, .integer, .float, .op(.lparen), .op(.lbracket), .op(.lbrace): return true
        default: return false
        }
    }
}

extension CompareOperator {
    init?(_ op: Operator) {
        switch op {
        case .eq: self = .eq
        case .ne: self = .ne
        case .lt: self = .lt
        case .lteq: self = .le
        case .gt: self = .gt
        case .gteq: self = .ge
        default: return nil
        }
    }
}

extension BinaryOperator {
    init?(multiplicative op: Operator) {
        switch op {
        case .mul: self = .mul
        case .div: self = .div
        case .floordiv: self = .floordiv
        case .mod: self = .mod
        default: return nil
        }
    }
}

extension AssignTarget {
    /// The target an expression denotes when it stands left of `=`, if it can.
    init?(_ expr: Expression) {
        switch expr.kind {
        case .name(let n):
            if ["true", "false", "none", "True", "False", "None"].contains(n) { return nil }
            self = .name(n)
        case .tuple(let items):
            var targets: [AssignTarget] = []
            for item in items {
                guard let t = AssignTarget(item) else { return nil }
                targets.append(t)
            }
            self = .tuple(targets)
        default:
            return nil
        }
    }
}

extension Expression {
    /// The node's kind as Jinja2 names it in "can't assign to …".
    var kindName: String {
        switch kind {
        case .literal: return "Const"
        case .name: return "Name"
        case .tuple: return "Tuple"
        case .list: return "List"
        case .dict: return "Dict"
        case .call: return "Call"
        case .attribute: return "Getattr"
        case .item, .slice: return "Getitem"
        default: return "expression"
        }
    }
}
