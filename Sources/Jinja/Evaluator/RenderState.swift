/// One render in progress: walks statements, evaluates expressions, invokes macros.
///
/// Host functions receive it to call back into the template (`call(_:_:)`) or to honour the
/// environment's undefined behaviour. It belongs to a single render on a single thread.
public final class RenderState {
    public let environment: Environment
    package let topSource: TemplateSource
    @exclusivity(unchecked) package var currentSource: TemplateSource
    @exclusivity(unchecked) private var callDepth = 0
    /// Where this thread's stack runs out (see `StackGuard`); deeper recursion throws.
    package let stackFloor = StackGuard.floor
    @exclusivity(unchecked) private var steps = 0
    private let maxSteps: Int

    package init(environment: Environment, source: TemplateSource) {
        self.environment = environment
        self.topSource = source
        self.currentSource = source
        self.maxSteps = environment.limits.maxSteps ?? Int.max
    }

    // MARK: - Entry

    package func renderTemplate(_ body: [Statement], scope: Scope) throws -> String {
        var out = ""
        do {
            try execute(body, scope, &out)
        } catch let error as JinjaError {
            throw attachSource(error, topSource)
        } catch let r as MacroReturn {
            // `return()` outside any macro ends the template with that value, as dbt does.
            return r.value.pythonString
        } catch {
            throw JinjaError(.host, String(describing: error), underlying: error)
        }
        return out
    }

    private func attachSource(_ error: JinjaError, _ source: TemplateSource) -> JinjaError {
        var e = error
        if e.templateName == nil {
            e.templateName = source.name
            if let line = e.location?.line { e.sourceLine = source.line(line) }
        }
        return e
    }

    /// Gives an error without a location the location of the node being evaluated, and wraps
    /// foreign errors from host functions.
    @inline(never)
    package func locate(_ error: any Error, _ location: SourceLocation) -> any Error {
        if var e = error as? JinjaError {
            if e.location == nil { e.location = location }
            return e
        }
        if error is MacroReturn { return error }
        return JinjaError(.host, String(describing: error), at: location, underlying: error)
    }

    package func step() throws {
        steps += 1
        if steps > maxSteps { throw JinjaError(.limit, "render exceeded \(maxSteps) steps") }
    }

    // MARK: - Statements

    package func execute(_ statements: [Statement], _ scope: Scope, _ out: inout String) throws {
        try StackGuard.check(stackFloor)
        for s in statements {
            switch s.kind {
            case .text(let text):
                out += text
            case .output(let e):
                do {
                    try write(try evaluate(e, scope), to: &out)
                } catch {
                    throw locate(error, e.location)
                }
            default:
                do {
                    try executeBlock(s, scope, &out)
                } catch {
                    throw locate(error, s.location)
                }
            }
            if out.utf8.count > environment.limits.maxSequenceLength {
                throw JinjaError(.limit, "output too large (more than \(environment.limits.maxSequenceLength) bytes)", at: s.location)
            }
        }
    }

    /// Appends what `{{ value }}` prints.
    @inline(__always)
    package func write(_ value: Value, to out: inout String) throws {
        if case .undefined(let u) = value, environment.undefinedBehavior == .strict {
            throw JinjaError(.undefined, u.message)
        }
        value.writeStr(to: &out)
    }

    private func executeBlock(_ s: Statement, _ scope: Scope, _ out: inout String) throws {
        switch s.kind {
        case .text, .output:
            try execute([s], scope, &out)
        case .if(let branches, let otherwise):
            for branch in branches where try truthy(try evaluate(branch.test, scope)) {
                try execute(branch.body, scope, &out)
                return
            }
            try execute(otherwise, scope, &out)
        case .for(let loop):
            try runLoop(loop, scope, &out, iterable: nil, depth0: 0)
        case .set(let target, let e):
            try assign(target, try evaluate(e, scope), in: scope)
        case .setBlock(let target, let body, let filter):
            var buffer = ""
            try execute(body, Scope(parent: scope), &buffer)
            var value = Value.string(buffer)
            if let filter { value = try applyFilterChain(filter, input: value, scope) }
            try assign(target, value, in: scope)
        case .macro(let definition):
            scope.setLocal(definition.name, .callable(Macro(definition: definition, closure: scope, source: currentSource)))
        case .callBlock(let call, let callerDefinition):
            let caller = Value.callable(Macro(definition: callerDefinition, closure: scope, source: currentSource))
            guard case .call(let callee, let argExprs) = call.kind else { return }
            var args = try evaluateArguments(argExprs, scope)
            args.keywords.append(("caller", caller))
            let result = try callValue(try evaluate(callee, scope), args, name: calleeName(callee))
            try write(result, to: &out)
        case .filterBlock(let filter, let body):
            var buffer = ""
            try execute(body, Scope(parent: scope), &buffer)
            try write(try applyFilterChain(filter, input: .string(buffer), scope), to: &out)
        case .do(let e):
            _ = try evaluate(e, scope)
        case .with(let assignments, let body):
            let inner = Scope(parent: scope)
            for a in assignments { try assign(a.target, try evaluate(a.value, scope), in: inner) }
            try execute(body, inner, &out)
        }
    }

    package func runLoop(_ loop: ForLoop, _ scope: Scope, _ out: inout String, iterable: Value?, depth0: Int) throws {
        let source = try iterable ?? evaluate(loop.iterable, scope)
        var items = try iterate(source)
        if let filter = loop.filter {
            let filterScope = Scope(parent: scope)
            var kept: [Value] = []
            kept.reserveCapacity(items.count)
            for item in items {
                try assign(loop.target, item, in: filterScope)
                if try truthy(try evaluate(filter, filterScope)) { kept.append(item) }
            }
            items = kept
        }
        if items.isEmpty {
            try execute(loop.otherwise, Scope(parent: scope), &out)
            return
        }
        let context = loop.usesLoopVariable ? LoopContext(items: items, depth0: depth0, loop: loop, scope: scope) : nil
        let loopValue = context.map { Value.object($0) }
        // Every iteration binds `loop` (first) and the target's names (next) at the start of the
        // level's locals; names the body sets come after them and are dropped per iteration.
        let rebound = loop.target.boundNameCount + (context == nil ? 0 : 1)
        let iterationScope = Scope(parent: scope, capacity: rebound + 2)
        var singleName: String?
        if case .name(let n) = loop.target, !(context != nil && n == "loop") { singleName = n }
        let targetSlot = context == nil ? 0 : 1
        var index = 0
        for item in items {
            try step()
            let count = iterationScope.locals.count
            if count > rebound { iterationScope.locals.removeLast(count - rebound) }
            if let context {
                context.index0 = index
                if count == 0 {
                    iterationScope.locals.append(Scope.Binding("loop", loopValue!))
                } else {
                    iterationScope.locals[0].value = loopValue!
                }
            }
            if let singleName {
                if count > targetSlot {
                    iterationScope.locals[targetSlot].value = item
                } else {
                    iterationScope.locals.append(Scope.Binding(singleName, item))
                }
            } else {
                try assign(loop.target, item, in: iterationScope)
            }
            try execute(loop.body, iterationScope, &out)
            index += 1
        }
    }

    package func assign(_ target: AssignTarget, _ value: Value, in scope: Scope) throws {
        switch target {
        case .name(let n):
            scope.setLocal(n, value)
        case .tuple(let targets):
            let items = try iterate(value)
            guard items.count == targets.count else {
                if items.count < targets.count {
                    throw JinjaError(.value, "not enough values to unpack (expected \(targets.count), got \(items.count))")
                }
                throw JinjaError(.value, "too many values to unpack (expected \(targets.count))")
            }
            for (t, v) in zip(targets, items) { try assign(t, v, in: scope) }
        case .namespaceAttribute(let ns, let attr):
            guard case .object(let o)? = scope.lookup(ns) ?? environment.globals[ns], let namespace = o as? Namespace else {
                throw JinjaError(.type, "cannot assign attribute on non-namespace object")
            }
            try namespace.setAttribute(attr, to: value)
        }
    }

    // MARK: - Macros

    /// Calls a macro: binds arguments as Jinja2 does, renders the body, returns its text (or the
    /// value a host function passed to `MacroReturn`).
    package func invoke(_ macro: Macro, _ arguments: Arguments) throws -> Value {
        guard callDepth < environment.limits.maxCallDepth else {
            throw JinjaError(.limit, "maximum recursion depth exceeded (\(environment.limits.maxCallDepth) nested calls)")
        }
        try step()
        callDepth += 1
        defer { callDepth -= 1 }
        let definition = macro.definition
        let parameters = definition.parameters
        // One allocation for the parameters, the implicit names and a few `set`s.
        let scope = Scope(parent: macro.closure, capacity: parameters.count + 4)
        scope.isMacroCall = true
        let positional = arguments.positional
        if positional.count > parameters.count, !definition.catchesVarargs {
            throw JinjaError(.badArguments,
                             "macro '\(definition.name)' takes not more than \(parameters.count) argument(s)")
        }
        let given = min(positional.count, parameters.count)
        for i in 0..<given {
            scope.locals.append(Scope.Binding(parameters[i], positional[i]))
        }
        var extraKeywords: [(name: String, value: Value)] = []
        var caller: Value?
        var anyKeywordParameter = false
        for (k, v) in arguments.keywords {
            if k == "caller", definition.usesCaller {
                caller = v
            } else if let i = parameters.firstIndex(of: k) {
                if i < positional.count {
                    throw JinjaError(.badArguments, "macro '\(definition.name)' got multiple values for argument '\(k)'")
                }
                scope.setLocal(k, v)
                anyKeywordParameter = true
            } else {
                extraKeywords.append((k, v))
            }
        }
        if let first = extraKeywords.first, !definition.catchesKwargs {
            throw JinjaError(.badArguments, "macro '\(definition.name)' takes no keyword argument '\(first.name)'")
        }
        if given < parameters.count {
            for i in given..<parameters.count {
                let p = parameters[i]
                if anyKeywordParameter, scope.localIndex(p) != nil { continue }
                if let d = definition.defaults[i] {
                    let value = try evaluate(d, scope)
                    scope.locals.append(Scope.Binding(p, value))
                } else {
                    scope.locals.append(Scope.Binding(p, .undefined(Undefined(name: p))))
                }
            }
        }
        if definition.catchesVarargs {
            scope.setLocal("varargs", .tuple(positional.count > parameters.count ? Array(positional[parameters.count...]) : []))
        }
        if definition.catchesKwargs {
            let storage = DictStorage()
            for (k, v) in extraKeywords { storage.items[.string(k)] = v }
            scope.setLocal("kwargs", .dict(storage))
        }
        if definition.usesCaller {
            scope.setLocal("caller", caller ?? .undefined(Undefined(name: "caller")))
        }
        let savedSource = currentSource
        currentSource = macro.source
        defer { currentSource = savedSource }
        var out = ""
        do {
            try execute(definition.body, scope, &out)
        } catch let r as MacroReturn {
            return r.value
        } catch let e as JinjaError where macro.source !== topSource {
            throw attachSource(e, macro.source)
        }
        return .string(out)
    }

    // MARK: - Calls

    /// Calls any callable value with already evaluated arguments.
    public func call(_ callee: Value, _ arguments: Arguments) throws -> Value {
        try callValue(callee, arguments, name: nil)
    }

    package func callValue(_ callee: Value, _ arguments: Arguments, name: String?) throws -> Value {
        switch callee {
        case .callable(let c):
            return try c.call(arguments, in: self)
        case .object(let o):
            if let v = try o.callAsFunction(arguments, in: self) { return v }
            throw JinjaError(.notCallable, "'\(o.typeName)' object is not callable")
        case .undefined(let u):
            if environment.undefinedBehavior == .chainable { return callee }
            throw JinjaError(.undefined, u.message)
        default:
            throw JinjaError(.notCallable, "'\(callee.typeName)' object is not callable")
        }
    }

    private func calleeName(_ e: Expression) -> String? {
        switch e.kind {
        case .name(let n): return n
        case .attribute(_, let n): return n
        default: return nil
        }
    }

    package func evaluateArguments(_ args: CallArguments, _ scope: Scope) throws -> Arguments {
        var result = Arguments()
        if !args.positional.isEmpty {
            result.positional.reserveCapacity(args.positional.count)
            for a in args.positional { result.positional.append(try evaluate(a, scope)) }
        }
        for k in args.keywords { result.keywords.append((k.name, try evaluate(k.value, scope))) }
        if let splat = args.splatPositional {
            result.positional.append(contentsOf: try iterate(try evaluate(splat, scope)))
        }
        if let splat = args.splatKeywords {
            guard case .dict(let d) = try evaluate(splat, scope) else {
                throw JinjaError(.type, "argument after ** must be a mapping")
            }
            for (k, v) in d.items {
                guard case .string(let key) = k else { throw JinjaError(.type, "keywords must be strings") }
                result.keywords.append((key, v))
            }
        }
        return result
    }

    // MARK: - Filters and tests

    /// Applies the filter `name` to `value`.
    public func applyFilter(_ name: String, _ value: Value, _ arguments: Arguments) throws -> Value {
        guard let filter = environment.filterTable.lookup(name) else {
            throw JinjaError(.unknownFilter, "No filter named '\(name)'.")
        }
        return try filter(value, arguments, self)
    }

    /// Applies the test `name` to `value`.
    public func applyTest(_ name: String, _ value: Value, _ arguments: Arguments) throws -> Bool {
        guard let test = environment.testTable.lookup(name) else {
            throw JinjaError(.unknownTest, "No test named '\(name)'.")
        }
        return try test(value, arguments, self)
    }

    /// A filter chain whose innermost input is a placeholder (`{% filter %}`, `{% set x | f %}`).
    private func applyFilterChain(_ filter: Expression, input: Value, _ scope: Scope) throws -> Value {
        guard case .filter(let inner, let name, let args) = filter.kind else { return try evaluate(filter, scope) }
        let value = try inner.map { try applyFilterChain($0, input: input, scope) } ?? input
        return try applyFilter(name, value, try evaluateArguments(args, scope))
    }

    // MARK: - Helpers for builtins and hosts

    /// Python truthiness; strict mode refuses undefined.
    public func truthy(_ value: Value) throws -> Bool {
        if case .undefined(let u) = value, environment.undefinedBehavior == .strict {
            throw JinjaError(.undefined, u.message)
        }
        return value.isTruthy
    }

    /// The items `for` would visit.
    public func iterate(_ value: Value) throws -> [Value] {
        switch value {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .dict(let d): return Array(d.items.keys)
        case .string(let s): return s.unicodeScalars.map { .string(String($0)) }
        case .undefined(let u):
            if environment.undefinedBehavior == .strict { throw JinjaError(.undefined, u.message) }
            return []
        case .object(let o):
            if let items = try o.iterate() { return items }
            throw JinjaError(.type, "'\(o.typeName)' object is not iterable")
        default:
            throw JinjaError(.type, "'\(value.typeName)' object is not iterable")
        }
    }

    /// `str(value)`, honouring strict undefined.
    public func string(_ value: Value) throws -> String {
        if case .undefined(let u) = value, environment.undefinedBehavior == .strict {
            throw JinjaError(.undefined, u.message)
        }
        return value.pythonString
    }

    /// Fails as using an undefined value fails.
    package func undefinedError(_ u: Undefined) -> JinjaError {
        JinjaError(.undefined, u.message)
    }
}
