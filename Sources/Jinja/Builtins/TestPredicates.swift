/// Jinja2's built-in tests (`value is name`).
enum TestPredicates {
    static let all: [String: TestFunction] = {
        var t: [String: TestFunction] = [:]
        t["defined"] = { v, _, _ in !v.isUndefined }
        t["undefined"] = { v, _, _ in v.isUndefined }
        t["none"] = { v, _, _ in v.isNone }
        t["boolean"] = { v, _, _ in v.isBoolValue }
        t["true"] = { v, _, _ in if case .bool(true) = v { return true }; return false }
        t["false"] = { v, _, _ in if case .bool(false) = v { return true }; return false }
        t["integer"] = { v, _, _ in if case .int = v { return true }; return false }
        t["float"] = { v, _, _ in v.isDouble }
        t["number"] = { v, _, _ in v.isNumber }
        t["string"] = { v, _, _ in
            if case .string = v { return true }
            if case .object(let o) = v, o is SafeString { return true }
            return false
        }
        t["mapping"] = { v, _, _ in if case .dict = v { return true }; return false }
        t["iterable"] = { v, _, _ in
            switch v {
            case .string, .list, .tuple, .dict, .undefined: return true
            case .object(let o): return (try? o.iterate()) != nil
            default: return false
            }
        }
        t["sequence"] = { v, _, _ in
            switch v {
            case .string, .list, .tuple, .dict, .undefined: return true
            case .object(let o): return (try? o.iterate()) != nil
            default: return false
            }
        }
        t["callable"] = { v, _, _ in
            switch v {
            case .callable, .undefined: return true
            case .object(let o): return o is Joiner || o is LoopContext
            default: return false
            }
        }
        t["sameas"] = { v, args, _ in
            guard let other = args.positional.first else { throw JinjaError(.badArguments, "sameas requires an argument") }
            switch (v, other) {
            case (.none, .none): return true
            case (.bool(let a), .bool(let b)): return a == b
            case (.int(let a), .int(let b)): return a == b && a >= -5 && a <= 256
            case (.string(let a), .string(let b)): return a == b
            case (.list(let a), .list(let b)): return a === b
            case (.dict(let a), .dict(let b)): return a === b
            case (.object(let a), .object(let b)): return a === b
            case (.callable(let a), .callable(let b)): return a.isSame(as: b)
            default: return false
            }
        }
        t["escaped"] = { v, _, _ in if case .object(let o) = v { return o is SafeString }; return false }
        t["lower"] = { v, _, s in
            let text = try s.string(v)
            return text.contains { $0.isCased } && !text.contains { $0.isUppercase }
        }
        t["upper"] = { v, _, s in
            let text = try s.string(v)
            return text.contains { $0.isCased } && !text.contains { $0.isLowercase }
        }
        t["divisibleby"] = { v, args, s in
            guard let n = args.positional.first else { throw JinjaError(.badArguments, "divisibleby requires an argument") }
            let r = try Operators.binary(.mod, v, n, limits: s.environment.limits)
            return r == .int(0)
        }
        t["even"] = { v, _, s in try Operators.binary(.mod, v, .int(2), limits: s.environment.limits) == .int(0) }
        t["odd"] = { v, _, s in try Operators.binary(.mod, v, .int(2), limits: s.environment.limits) == .int(1) }
        t["in"] = { v, args, s in
            guard let seq = args.positional.first else { throw JinjaError(.badArguments, "in requires an argument") }
            return try s.contains(seq, v)
        }
        t["filter"] = { v, _, s in v.stringValue.map { s.environment.filters[$0] != nil } ?? false }
        t["test"] = { v, _, s in v.stringValue.map { s.environment.tests[$0] != nil } ?? false }
        let comparisons: [(names: [String], op: CompareOperator)] = [
            (["eq", "==", "equalto"], .eq), (["ne", "!="], .ne), (["lt", "<", "lessthan"], .lt),
            (["le", "<="], .le), (["gt", ">", "greaterthan"], .gt), (["ge", ">="], .ge),
        ]
        for (names, op) in comparisons {
            let test: TestFunction = { v, args, s in
                guard let other = args.positional.first else { throw JinjaError(.badArguments, "\(names[0]) requires an argument") }
                return try s.compare(op, v, other)
            }
            for n in names { t[n] = test }
        }
        return t
    }()
}
