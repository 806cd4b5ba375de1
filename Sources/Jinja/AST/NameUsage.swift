/// A walker that finds which names a piece of the tree reads, as Jinja2's code generator does to
/// decide whether a macro accepts `varargs`, `kwargs` and `caller`, and whether a loop needs `loop`.
package enum NameUsage {
    /// Which of `names` are read anywhere in `body` (nested blocks and macros included).
    package static func undeclared(_ names: Set<String>, in body: [Statement]) -> Set<String> {
        var found = Set<String>()
        for s in body { visit(s, names, &found) }
        return found
    }

    /// Whether any of `names` is read anywhere in `body`.
    package static func mentions(_ names: Set<String>, in body: [Statement]) -> Bool {
        !undeclared(names, in: body).isEmpty
    }

    /// Whether any of `names` is read anywhere in `expr`.
    package static func mentions(_ names: Set<String>, in expr: Expression) -> Bool {
        var found = Set<String>()
        visit(expr, names, &found)
        return !found.isEmpty
    }

    /// Names a template assigns in its top-level frame: `set` targets and macro names, also
    /// inside top-level `if` blocks (which share the frame), but not inside loops or macros.
    package static func topLevelStores(_ body: [Statement]) -> Set<String> {
        var names = Set<String>()
        func add(_ target: AssignTarget) {
            switch target {
            case .name(let n): names.insert(n)
            case .tuple(let items): items.forEach(add)
            case .namespaceAttribute: break
            }
        }
        func walk(_ statements: [Statement]) {
            for s in statements {
                switch s.kind {
                case .set(let t, _), .setBlock(let t, _, _): add(t)
                case .macro(let m): names.insert(m.name)
                case .if(let branches, let otherwise):
                    branches.forEach { walk($0.body) }
                    walk(otherwise)
                default: break
                }
            }
        }
        walk(body)
        return names
    }

    private static func visit(_ s: Statement, _ names: Set<String>, _ found: inout Set<String>) {
        switch s.kind {
        case .text: break
        case .output(let e), .do(let e): visit(e, names, &found)
        case .if(let branches, let otherwise):
            for b in branches {
                visit(b.test, names, &found)
                for x in b.body { visit(x, names, &found) }
            }
            for x in otherwise { visit(x, names, &found) }
        case .for(let loop):
            visit(loop.iterable, names, &found)
            if let f = loop.filter { visit(f, names, &found) }
            for x in loop.body { visit(x, names, &found) }
            for x in loop.otherwise { visit(x, names, &found) }
        case .set(_, let e): visit(e, names, &found)
        case .setBlock(_, let body, let filter):
            if let filter { visit(filter, names, &found) }
            for x in body { visit(x, names, &found) }
        case .macro(let m):
            for d in m.defaults { if let d { visit(d, names, &found) } }
            for x in m.body { visit(x, names, &found) }
        case .callBlock(let call, let caller):
            visit(call, names, &found)
            for d in caller.defaults { if let d { visit(d, names, &found) } }
            for x in caller.body { visit(x, names, &found) }
        case .filterBlock(let filter, let body):
            visit(filter, names, &found)
            for x in body { visit(x, names, &found) }
        case .with(let assignments, let body):
            for a in assignments { visit(a.value, names, &found) }
            for x in body { visit(x, names, &found) }
        }
    }

    private static func visit(_ e: Expression, _ names: Set<String>, _ found: inout Set<String>) {
        switch e.kind {
        case .literal: break
        case .name(let n): if names.contains(n) { found.insert(n) }
        case .list(let items), .tuple(let items), .concat(let items):
            for i in items { visit(i, names, &found) }
        case .dict(let pairs):
            for p in pairs {
                visit(p.key, names, &found)
                visit(p.value, names, &found)
            }
        case .attribute(let o, _): visit(o, names, &found)
        case .item(let o, let k):
            visit(o, names, &found)
            visit(k, names, &found)
        case .slice(let o, let a, let b, let c):
            visit(o, names, &found)
            for x in [a, b, c] { if let x { visit(x, names, &found) } }
        case .unary(_, let x), .not(let x): visit(x, names, &found)
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b):
            visit(a, names, &found)
            visit(b, names, &found)
        case .compare(let first, let ops):
            visit(first, names, &found)
            for o in ops { visit(o.operand, names, &found) }
        case .conditional(let t, let a, let b):
            visit(t, names, &found)
            visit(a, names, &found)
            if let b { visit(b, names, &found) }
        case .call(let callee, let args):
            visit(callee, names, &found)
            visit(args, names, &found)
        case .filter(let input, _, let args):
            if let input { visit(input, names, &found) }
            visit(args, names, &found)
        case .test(let input, _, let args):
            visit(input, names, &found)
            visit(args, names, &found)
        }
    }

    private static func visit(_ args: CallArguments, _ names: Set<String>, _ found: inout Set<String>) {
        for a in args.positional { visit(a, names, &found) }
        for k in args.keywords { visit(k.value, names, &found) }
        if let s = args.splatPositional { visit(s, names, &found) }
        if let s = args.splatKeywords { visit(s, names, &found) }
    }
}
