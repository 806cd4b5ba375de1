/// A parsed template: immutable, safe to render from many threads at once.
public struct Template: Sendable {
    public let name: String
    package let body: [Statement]
    package let source: TemplateSource
    public let environment: Environment
    /// Names assigned at the template's top level (see `Scope.namesHiddenFromMacros`).
    package let topLevelStores: Set<String>

    init(source text: String, name: String, environment: Environment) throws {
        self.name = name
        self.environment = environment
        let source = TemplateSource(name: name, text: text)
        self.source = source
        do {
            var lexer = Lexer(source: text, keepTrailingNewline: environment.keepTrailingNewline)
            var parser = Parser(tokens: try lexer.tokenize(), macroTags: environment.macroTags)
            body = try parser.parseTemplate()
            topLevelStores = NameUsage.topLevelStores(body)
            try BuiltinNameCheck.check(body, environment: environment)
        } catch var error as JinjaError {
            error.templateName = error.templateName ?? name
            if error.sourceLine == nil, let line = error.location?.line { error.sourceLine = source.line(line) }
            throw error
        }
    }

    /// Renders with `context` as the template's variables.
    public func render(_ context: [String: Value] = [:]) throws -> String {
        let state = RenderState(environment: environment, source: source)
        let root = Scope(context)
        guard !topLevelStores.isEmpty else { return try state.renderTemplate(body, scope: root) }
        let top = Scope(parent: root, capacity: topLevelStores.count)
        top.namesHiddenFromMacros = topLevelStores
        return try state.renderTemplate(body, scope: top)
    }

    /// Renders inside a host-built scope chain; the template's own `set`s stay in a child scope.
    public func render(in scope: Scope) throws -> String {
        let state = RenderState(environment: environment, source: source)
        let top = Scope(parent: scope, capacity: topLevelStores.count)
        if !topLevelStores.isEmpty { top.namesHiddenFromMacros = topLevelStores }
        return try state.renderTemplate(body, scope: top)
    }

    /// Renders "natively" (Jinja2's `NativeEnvironment`, as dbt renders test arguments): a
    /// template that is one `{{ expression }}` returns the expression's value itself (a list, a
    /// relation object…); any other template returns its rendered text.
    public func evaluate(in scope: Scope) throws -> Value {
        let state = RenderState(environment: environment, source: source)
        if body.count == 1, case .output(let expr) = body[0].kind {
            do {
                return try state.evaluate(expr, Scope(parent: scope))
            } catch let r as MacroReturn {
                return r.value
            } catch let e as JinjaError {
                var error = e
                if error.location == nil { error.location = expr.location }
                error.templateName = error.templateName ?? name
                if error.sourceLine == nil, let line = error.location?.line { error.sourceLine = source.line(line) }
                throw error
            }
        }
        return .string(try render(in: scope))
    }

    /// The macros defined at the top level of the template, by name.
    public var macros: [String: TemplateMacro] {
        var result: [String: TemplateMacro] = [:]
        for s in body {
            if case .macro(let m) = s.kind { result[m.name] = TemplateMacro(definition: m, source: source) }
        }
        return result
    }

    /// The top-level macros in the order they appear.
    public var macroList: [TemplateMacro] {
        body.compactMap { s in
            if case .macro(let m) = s.kind { return TemplateMacro(definition: m, source: source) }
            return nil
        }
    }
}

/// Jinja2 rejects an unknown filter or test when the template is compiled, unless it sits in a
/// conditional branch, where the error waits until the branch runs.
enum BuiltinNameCheck {
    static func check(_ body: [Statement], environment: Environment) throws {
        for s in body { try check(s, environment, conditional: false) }
    }

    private static func check(_ s: Statement, _ env: Environment, conditional: Bool) throws {
        try StackGuard.check(StackGuard.floor)
        switch s.kind {
        case .text: break
        case .output(let e), .do(let e), .set(_, let e): try check(e, env, conditional)
        case .if(let branches, let otherwise):
            for (i, b) in branches.enumerated() {
                try check(b.test, env, conditional || i > 0)
                for x in b.body { try check(x, env, conditional: true) }
            }
            for x in otherwise { try check(x, env, conditional: true) }
        case .for(let loop):
            try check(loop.iterable, env, conditional)
            if let f = loop.filter { try check(f, env, conditional) }
            for x in loop.body { try check(x, env, conditional: conditional) }
            for x in loop.otherwise { try check(x, env, conditional: conditional) }
        case .setBlock(_, let body, let filter):
            if let filter { try check(filter, env, conditional) }
            for x in body { try check(x, env, conditional: conditional) }
        case .macro(let m):
            for d in m.defaults { if let d { try check(d, env, conditional) } }
            for x in m.body { try check(x, env, conditional: conditional) }
        case .callBlock(let call, let caller):
            try check(call, env, conditional)
            for x in caller.body { try check(x, env, conditional: conditional) }
        case .filterBlock(let filter, let body):
            try check(filter, env, conditional)
            for x in body { try check(x, env, conditional: conditional) }
        case .with(let assignments, let body):
            for a in assignments { try check(a.value, env, conditional) }
            for x in body { try check(x, env, conditional: conditional) }
        }
    }

    private static func check(_ e: Expression, _ env: Environment, _ conditional: Bool) throws {
        try StackGuard.check(StackGuard.floor)
        switch e.kind {
        case .literal, .name: break
        case .list(let items), .tuple(let items), .concat(let items):
            for i in items { try check(i, env, conditional) }
        case .dict(let pairs):
            for p in pairs {
                try check(p.key, env, conditional)
                try check(p.value, env, conditional)
            }
        case .attribute(let o, _): try check(o, env, conditional)
        case .item(let o, let k):
            try check(o, env, conditional)
            try check(k, env, conditional)
        case .slice(let o, let a, let b, let c):
            try check(o, env, conditional)
            for x in [a, b, c] { if let x { try check(x, env, conditional) } }
        case .unary(_, let x), .not(let x): try check(x, env, conditional)
        case .binary(_, let a, let b):
            try check(a, env, conditional)
            try check(b, env, conditional)
        case .and(let a, let b), .or(let a, let b):
            try check(a, env, conditional)
            try check(b, env, conditional)
        case .compare(let first, let ops):
            try check(first, env, conditional)
            for o in ops { try check(o.operand, env, conditional) }
        case .conditional(let t, let a, let b):
            try check(t, env, conditional)
            try check(a, env, true)
            if let b { try check(b, env, true) }
        case .call(let callee, let args):
            try check(callee, env, conditional)
            try check(args, env, conditional)
        case .filter(let input, let name, let args):
            if !conditional, env.filters[name] == nil {
                throw JinjaError(.unknownFilter, "No filter named '\(name)'.", at: e.location)
            }
            if let input { try check(input, env, conditional) }
            try check(args, env, conditional)
        case .test(let input, let name, let args):
            if !conditional, env.tests[name] == nil {
                throw JinjaError(.unknownTest, "No test named '\(name)'.", at: e.location)
            }
            try check(input, env, conditional)
            try check(args, env, conditional)
        }
    }

    private static func check(_ args: CallArguments, _ env: Environment, _ conditional: Bool) throws {
        for a in args.positional { try check(a, env, conditional) }
        for k in args.keywords { try check(k.value, env, conditional) }
        if let s = args.splatPositional { try check(s, env, conditional) }
        if let s = args.splatKeywords { try check(s, env, conditional) }
    }
}
