extension RenderState {
    /// Evaluates an expression node.
    package func evaluate(_ e: Expression, _ scope: Scope) throws -> Value {
        try StackGuard.check(stackFloor)
        switch e.kind {
        case .literal(let v):
            return v
        case .name(let n):
            return lookup(n, scope)
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, scope)
            do {
                return try attribute(of: object, name)
            } catch {
                throw locate(error, e.location)
            }
        case .item(let objectExpr, let keyExpr):
            let object = try evaluate(objectExpr, scope)
            let key = try evaluate(keyExpr, scope)
            do {
                return try item(of: object, key)
            } catch {
                throw locate(error, e.location)
            }
        case .call(let callee, let args):
            do {
                return try evaluateCall(callee, args, scope)
            } catch {
                throw locate(error, e.location)
            }
        case .filter(let input, let name, let args):
            let value = try input.map { try evaluate($0, scope) } ?? .none
            let arguments = try evaluateArguments(args, scope)
            do {
                return try applyFilter(name, value, arguments)
            } catch {
                throw locate(error, e.location)
            }
        case .test(let input, let name, let args):
            let value = try evaluate(input, scope)
            let arguments = try evaluateArguments(args, scope)
            do {
                return .bool(try applyTest(name, value, arguments))
            } catch {
                throw locate(error, e.location)
            }
        case .concat(let parts):
            var s = ""
            for p in parts {
                s += try string(try evaluate(p, scope))
                if s.utf8.count > environment.limits.maxSequenceLength {
                    throw JinjaError(.limit, "result too large", at: e.location)
                }
            }
            return .string(s)
        case .and(let a, let b):
            let left = try evaluate(a, scope)
            return try truthy(left) ? try evaluate(b, scope) : left
        case .or(let a, let b):
            let left = try evaluate(a, scope)
            return try truthy(left) ? left : try evaluate(b, scope)
        case .not(let x):
            return .bool(!(try truthy(try evaluate(x, scope))))
        case .conditional(let test, let then, let otherwise):
            if try truthy(try evaluate(test, scope)) { return try evaluate(then, scope) }
            if let otherwise { return try evaluate(otherwise, scope) }
            return .undefined(Undefined(name: nil))
        case .compare(let first, let ops):
            var left = try evaluate(first, scope)
            for (op, operandExpr) in ops {
                let right = try evaluate(operandExpr, scope)
                let holds: Bool
                do {
                    holds = try compare(op, left, right)
                } catch {
                    throw locate(error, e.location)
                }
                if !holds { return .bool(false) }
                left = right
            }
            return .bool(true)
        case .binary(let op, let a, let b):
            let left = try evaluate(a, scope)
            let right = try evaluate(b, scope)
            do {
                return try Operators.binary(op, left, right, limits: environment.limits)
            } catch {
                throw locate(error, e.location)
            }
        case .unary(let op, let x):
            let v = try evaluate(x, scope)
            do {
                return try Operators.unary(op, v)
            } catch {
                throw locate(error, e.location)
            }
        case .list(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for i in items { values.append(try evaluate(i, scope)) }
            return .list(ListStorage(values))
        case .tuple(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for i in items { values.append(try evaluate(i, scope)) }
            return .tuple(values)
        case .dict(let pairs):
            let storage = DictStorage()
            storage.items.reserveCapacity(pairs.count)
            for p in pairs {
                let key = try evaluate(p.key, scope)
                guard key.isHashable else {
                    throw JinjaError(.type, "unhashable type: '\(key.typeName)'", at: p.key.location)
                }
                storage.items[key] = try evaluate(p.value, scope)
            }
            return .dict(storage)
        case .slice(let objectExpr, let startExpr, let stopExpr, let stepExpr):
            let object = try evaluate(objectExpr, scope)
            let start = try startExpr.map { try evaluate($0, scope) }
            let stop = try stopExpr.map { try evaluate($0, scope) }
            let stride = try stepExpr.map { try evaluate($0, scope) }
            do {
                return try Operators.slice(object, start, stop, stride)
            } catch {
                throw locate(error, e.location)
            }
        }
    }

    /// A variable: the scope chain, then the environment's globals, else undefined.
    @inline(__always)
    package func lookup(_ name: String, _ scope: Scope) -> Value {
        if let v = scope.lookup(name) { return v }
        if let v = environment.globalTable.lookup(name) { return v }
        return .undefined(Undefined(name: name))
    }

    private func evaluateCall(_ callee: Expression, _ args: CallArguments, _ scope: Scope) throws -> Value {
        if case .attribute(let receiverExpr, let method) = callee.kind {
            let receiver = try evaluate(receiverExpr, scope)
            let arguments = try evaluateArguments(args, scope)
            return try callMethod(receiver, method, arguments)
        }
        let function = try evaluate(callee, scope)
        let arguments = try evaluateArguments(args, scope)
        if case .undefined(let u) = function, environment.undefinedBehavior != .chainable {
            if case .name(let n) = callee.kind { throw JinjaError(.undefined, "'\(n)' is undefined") }
            throw undefinedError(u)
        }
        return try callValue(function, arguments, name: nil)
    }

    /// `receiver.method(arguments)`: Python methods of str/list/dict, host object methods, or a
    /// callable attribute.
    package func callMethod(_ receiver: Value, _ method: String, _ arguments: Arguments) throws -> Value {
        switch receiver {
        case .object(let o):
            if let v = try o.callMethod(method, arguments, in: self) { return v }
        case .dict(let d):
            if let v = try Methods.call(receiver, method, arguments, self) { return v }
            if let v = d.items[.string(method)] { return try callValue(v, arguments, name: method) }
            throw JinjaError(.undefined, "'dict object' has no attribute '\(method)'")
        case .string, .list, .tuple, .int, .double, .bool, .none:
            if let v = try Methods.call(receiver, method, arguments, self) { return v }
        default:
            break
        }
        let function = try attribute(of: receiver, method)
        if case .undefined(let u) = function, environment.undefinedBehavior != .chainable {
            throw undefinedError(u)
        }
        return try callValue(function, arguments, name: method)
    }

    /// `object.name`: Python attribute first, then item, as Jinja2's `getattr`.
    public func attribute(of object: Value, _ name: String) throws -> Value {
        switch object {
        case .dict(let d):
            if Methods.hasMethod(object, name) { return .callable(BoundMethod(receiver: object, name: name)) }
            if let v = d.items[.string(name)] { return v }
            return .undefined(Undefined(name: name, ownerDescription: "'dict object'"))
        case .object(let o):
            if let v = try o.attribute(name) { return v }
            return .undefined(Undefined(name: name, ownerDescription: "'\(o.typeName) object'"))
        case .undefined(let u):
            switch environment.undefinedBehavior {
            case .chainable: return object
            case .lenient, .strict: throw undefinedError(u)
            }
        case .callable(let c):
            if let m = c as? Macro {
                switch name {
                case "name": return .string(m.definition.name)
                case "arguments": return .tuple(m.definition.parameters.map { .string($0) })
                case "catch_kwargs": return .bool(m.definition.catchesKwargs)
                case "catch_varargs": return .bool(m.definition.catchesVarargs)
                case "caller": return .bool(m.definition.usesCaller)
                default: break
                }
            }
            if name == "__name__" { return .string(c.name) }
            return .undefined(Undefined(name: name, ownerDescription: "'\(c.typeName) object'"))
        case .none:
            return .undefined(Undefined(name: name, ownerDescription: "'None'"))
        default:
            if Methods.hasMethod(object, name) { return .callable(BoundMethod(receiver: object, name: name)) }
            return .undefined(Undefined(name: name, ownerDescription: "'\(object.typeName) object'"))
        }
    }

    /// `object[key]`: item first, then attribute for string keys, as Jinja2's `getitem`.
    public func item(of object: Value, _ key: Value) throws -> Value {
        switch object {
        case .list(let l):
            if let v = Operators.index(l.items, key) { return v }
        case .tuple(let t):
            if let v = Operators.index(t, key) { return v }
        case .string(let s):
            if let i = key.intValue, case .int = key {
                let scalars = Array(s.unicodeScalars)
                let idx = i < 0 ? scalars.count + i : i
                if idx >= 0 && idx < scalars.count { return .string(String(scalars[idx])) }
            }
        case .dict(let d):
            if key.isHashable, let v = d.items[key] { return v }
        case .object(let o):
            if let v = try o.item(key) { return v }
            return .undefined(Undefined(name: key.pythonString, ownerDescription: "'\(o.typeName) object'"))
        case .undefined(let u):
            switch environment.undefinedBehavior {
            case .chainable: return object
            case .lenient, .strict: throw undefinedError(u)
            }
        default:
            break
        }
        if case .string(let name) = key, Methods.hasMethod(object, name) {
            return .callable(BoundMethod(receiver: object, name: name))
        }
        let owner = object.isNone ? "'None'" : "'\(object.typeName) object'"
        return .undefined(Undefined(name: key.pythonString, ownerDescription: owner))
    }

    /// One comparison of a chain (`a < b`, `a in b`, …).
    package func compare(_ op: CompareOperator, _ left: Value, _ right: Value) throws -> Bool {
        switch op {
        case .eq: return try equals(left, right)
        case .ne: return !(try equals(left, right))
        case .in: return try contains(right, left)
        case .notIn: return !(try contains(right, left))
        case .lt, .le, .gt, .ge:
            if case .undefined(let u) = left { throw undefinedError(u) }
            if case .undefined(let u) = right { throw undefinedError(u) }
            let result: Bool?
            switch op {
            case .lt: result = Value.pythonLess(left, right)
            case .gt: result = Value.pythonLess(right, left)
            case .le: result = Value.pythonLess(right, left).map { !$0 }
            default: result = Value.pythonLess(left, right).map { !$0 }
            }
            guard let result else {
                throw JinjaError(.type, "'\(op.rawValue)' not supported between instances of '\(left.typeName)' and '\(right.typeName)'")
            }
            if op == .le || op == .ge, (left.doubleValue?.isNaN ?? false) || (right.doubleValue?.isNaN ?? false) { return false }
            return result
        }
    }

    private func equals(_ left: Value, _ right: Value) throws -> Bool {
        if environment.undefinedBehavior == .strict {
            if case .undefined(let u) = left { throw undefinedError(u) }
            if case .undefined(let u) = right { throw undefinedError(u) }
        }
        return left == right
    }

    /// `needle in haystack`.
    public func contains(_ haystack: Value, _ needle: Value) throws -> Bool {
        switch haystack {
        case .string(let s):
            guard case .string(let n) = needle else {
                throw JinjaError(.type, "'in <string>' requires string as left operand, not \(needle.typeName)")
            }
            return TextUtilities.contains(s, n)
        case .list(let l): return l.items.contains(needle)
        case .tuple(let t): return t.contains(needle)
        case .dict(let d):
            guard needle.isHashable else { throw JinjaError(.type, "unhashable type: '\(needle.typeName)'") }
            return d.items[needle] != nil
        case .undefined(let u):
            if environment.undefinedBehavior == .strict { throw undefinedError(u) }
            return false
        case .object(let o):
            if let r = try o.contains(needle) { return r }
            return try iterate(haystack).contains(needle)
        default:
            throw JinjaError(.type, "argument of type '\(haystack.typeName)' is not iterable")
        }
    }
}

/// `'abc'.upper` or `d.items` taken as a value; calling it calls the method.
final class BoundMethod: JinjaCallable {
    let receiver: Value
    let name: String
    init(receiver: Value, name: String) {
        self.receiver = receiver
        self.name = name
    }
    var typeName: String { "builtin_function_or_method" }
    var stringValue: String { "<built-in method \(name) of \(receiver.typeName) object>" }
    func call(_ arguments: Arguments, in state: RenderState) throws -> Value {
        try state.callMethod(receiver, name, arguments)
    }
}
