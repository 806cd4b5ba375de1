/// The `loop` variable inside `{% for %}`.
final class LoopContext: JinjaObject, @unchecked Sendable {
    let items: [Value]
    let depth0: Int
    let loop: ForLoop
    let scope: Scope
    @exclusivity(unchecked) var index0 = 0
    private var lastChanged: [Value]?

    init(items: [Value], depth0: Int, loop: ForLoop, scope: Scope) {
        self.items = items
        self.depth0 = depth0
        self.loop = loop
        self.scope = scope
    }

    var typeName: String { "LoopContext" }
    var stringValue: String { "<LoopContext \(index0 + 1)/\(items.count)>" }

    func attribute(_ name: String) throws -> Value? {
        let length = items.count
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "revindex": return .int(length - index0)
        case "revindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "depth": return .int(depth0 + 1)
        case "depth0": return .int(depth0)
        case "previtem":
            return index0 > 0 ? items[index0 - 1] : .undefined(Undefined(name: "previtem", ownerDescription: "'LoopContext object'"))
        case "nextitem":
            return index0 + 1 < length ? items[index0 + 1] : .undefined(Undefined(name: "nextitem", ownerDescription: "'LoopContext object'"))
        case "cycle", "changed":
            return .callable(LoopMethod(context: self, name: name))
        default: return nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "cycle":
            guard !arguments.positional.isEmpty else { throw JinjaError(.type, "no items for cycling given") }
            return arguments.positional[index0 % arguments.positional.count]
        case "changed":
            let values = arguments.positional
            if let last = lastChanged, last == values { return .bool(false) }
            lastChanged = values
            return .bool(true)
        default: return nil
        }
    }

    /// `loop(children)` in a recursive loop renders the body again, one level deeper.
    func callAsFunction(_ arguments: Arguments, in state: RenderState) throws -> Value? {
        guard loop.recursive else {
            throw JinjaError(.type, "Tried to call non recursive loop.  Maybe you forgot the 'recursive' modifier.")
        }
        guard arguments.positional.count == 1 else { throw JinjaError(.badArguments, "loop() takes exactly one argument") }
        var out = ""
        try state.runLoop(loop, scope, &out, iterable: arguments.positional[0], depth0: depth0 + 1)
        return .string(out)
    }
}

/// `loop.cycle` taken as a value.
final class LoopMethod: JinjaCallable, @unchecked Sendable {
    let context: LoopContext
    let name: String
    init(context: LoopContext, name: String) {
        self.context = context
        self.name = name
    }
    func call(_ arguments: Arguments, in state: RenderState) throws -> Value {
        try context.callMethod(name, arguments, in: state) ?? .none
    }
}
