extension Builtins {
    static func registerCollectionFilters(_ f: inout [String: FilterFunction]) {
        f["default"] = { v, args, _ in
            let b = try bind("default", args, ["default_value", "boolean"])
            if v.isUndefined || ((b[1]?.isTruthy ?? false) && !v.isTruthy) { return b[0] ?? .string("") }
            return v
        }
        f["d"] = f["default"]
        f["length"] = { v, _, s in .int(try length(v, s)) }
        f["count"] = f["length"]
        f["list"] = { v, _, s in .list(ListStorage(try s.iterate(v))) }
        f["first"] = { v, _, s in
            if case .string(let str) = v { return str.unicodeScalars.first.map { .string(String($0)) } ?? .undefined(Undefined(name: "first")) }
            return try s.iterate(v).first ?? .undefined(Undefined(name: nil))
        }
        f["last"] = { v, _, s in
            if case .string(let str) = v { return str.unicodeScalars.last.map { .string(String($0)) } ?? .undefined(Undefined(name: "last")) }
            return try s.iterate(v).last ?? .undefined(Undefined(name: nil))
        }
        f["reverse"] = { v, _, s in
            if case .string(let str) = v { return .string(String(String.UnicodeScalarView(str.unicodeScalars.reversed()))) }
            return .list(ListStorage(try s.iterate(v).reversed()))
        }
        f["join"] = { v, args, s in
            let b = try bind("join", args, ["d", "attribute"])
            let separator = try b[0].map { try s.string($0) } ?? ""
            var items = try s.iterate(v)
            if let attribute = b[1], !attribute.isNone {
                let getter = attributeGetter(attribute, s)
                items = try items.map(getter)
            }
            var out = ""
            for (i, item) in items.enumerated() {
                if i > 0 { out += separator }
                out += try s.string(item)
            }
            return .string(out)
        }
        f["attr"] = { v, args, s in
            let b = try bind("attr", args, ["name"], required: 1)
            let name = try s.string(b[0]!)
            switch v {
            case .dict, .list, .string, .tuple:
                if Methods.hasMethod(v, name) { return try s.attribute(of: v, name) }
                return .undefined(Undefined(name: name, ownerDescription: "'\(v.typeName) object'"))
            default:
                return try s.attribute(of: v, name)
            }
        }
        f["map"] = { v, args, s in
            let items = try s.iterate(v)
            if args.positional.isEmpty, args.keyword("attribute") != nil {
                let b = try bind("map", args, ["attribute", "default"])
                let getter = attributeGetter(b[0], default: b[1], s)
                return .list(ListStorage(try items.map(getter)))
            }
            guard let nameValue = args.positional.first, case .string(let name) = nameValue else {
                if args.positional.isEmpty && args.keywords.isEmpty { return .list(ListStorage(items)) }
                throw JinjaError(.badArguments, "map requires a filter argument")
            }
            let rest = Arguments(Array(args.positional.dropFirst()), keywords: args.keywords)
            return .list(ListStorage(try items.map { try s.applyFilter(name, $0, rest) }))
        }
        f["select"] = { v, args, s in try selectOrReject(v, args, s, select: true, attribute: false) }
        f["reject"] = { v, args, s in try selectOrReject(v, args, s, select: false, attribute: false) }
        f["selectattr"] = { v, args, s in try selectOrReject(v, args, s, select: true, attribute: true) }
        f["rejectattr"] = { v, args, s in try selectOrReject(v, args, s, select: false, attribute: true) }
        f["sort"] = { v, args, s in
            let b = try bind("sort", args, ["reverse", "case_sensitive", "attribute"])
            let caseSensitive = b[1]?.isTruthy ?? false
            let getters: [(Value) throws -> Value]
            if case .string(let attr)? = b[2], attr.utf8.contains(UInt8(ascii: ",")) {
                getters = attr.split(separator: ",").map { attributeGetter(.string(String($0)), lowercase: !caseSensitive, s) }
            } else {
                getters = [attributeGetter(b[2], lowercase: !caseSensitive, s)]
            }
            let key: (Value) throws -> Value = getters.count == 1 ? getters[0] : { item in .tuple(try getters.map { try $0(item) }) }
            return .list(ListStorage(try Sorting.sorted(try s.iterate(v), reverse: b[0]?.isTruthy ?? false, key: key)))
        }
        f["dictsort"] = { v, args, s in
            let b = try bind("dictsort", args, ["case_sensitive", "by", "reverse"])
            guard case .dict(let d) = v else { throw JinjaError(.type, "dictsort requires a mapping") }
            let byValue: Bool
            switch b[1]?.stringValue ?? "key" {
            case "key": byValue = false
            case "value": byValue = true
            default: throw JinjaError(.value, "You can only sort by either 'key' or 'value'")
            }
            let caseSensitive = b[0]?.isTruthy ?? false
            let pairs = d.items.map { Value.tuple([$0.key, $0.value]) }
            let sorted = try Sorting.sorted(pairs, reverse: b[2]?.isTruthy ?? false) { pair in
                guard case .tuple(let kv) = pair else { return pair }
                let k = byValue ? kv[1] : kv[0]
                if !caseSensitive, case .string(let str) = k { return .string(str.lowercased()) }
                return k
            }
            return .list(ListStorage(sorted))
        }
        f["items"] = { v, _, _ in
            switch v {
            case .undefined: return .list(ListStorage())
            case .dict(let d): return .list(ListStorage(d.items.map { .tuple([$0.key, $0.value]) }))
            default: throw JinjaError(.type, "Can only get item pairs from a mapping.")
            }
        }
        f["unique"] = { v, args, s in
            let b = try bind("unique", args, ["case_sensitive", "attribute"])
            let getter = attributeGetter(b[1], lowercase: !(b[0]?.isTruthy ?? false), s)
            var seen = Set<Value>()
            var out: [Value] = []
            for item in try s.iterate(v) {
                let key = try getter(item)
                guard key.isHashable else { throw JinjaError(.type, "unhashable type: '\(key.typeName)'") }
                if seen.insert(key).inserted { out.append(item) }
            }
            return .list(ListStorage(out))
        }
        f["min"] = { v, args, s in try extreme(v, args, s, max: false) }
        f["max"] = { v, args, s in try extreme(v, args, s, max: true) }
        f["groupby"] = { v, args, s in
            let b = try bind("groupby", args, ["attribute", "default", "case_sensitive"], required: 1)
            let caseSensitive = b[2]?.isTruthy ?? false
            let key = attributeGetter(b[0], default: b[1], lowercase: !caseSensitive, s)
            let display = attributeGetter(b[0], default: b[1], s)
            let sorted = try Sorting.sorted(try s.iterate(v), reverse: false, key: key)
            var groups: [Value] = []
            var currentKey: Value?
            var current: [Value] = []
            func flush() throws {
                guard !current.isEmpty else { return }
                groups.append(.object(GroupTuple(grouper: try display(current[0]), list: current)))
            }
            for item in sorted {
                let k = try key(item)
                if let ck = currentKey, ck == k {
                    current.append(item)
                } else {
                    try flush()
                    currentKey = k
                    current = [item]
                }
            }
            try flush()
            return .list(ListStorage(groups))
        }
        f["batch"] = { v, args, s in
            let b = try bind("batch", args, ["linecount", "fill_with"], required: 1)
            guard let n = b[0]?.intValue, n > 0 else { throw JinjaError(.value, "batch size must be positive") }
            if let fill = b[1], !fill.isNone, n > s.environment.limits.maxSequenceLength { throw JinjaError(.limit, "result too large") }
            var out: [Value] = []
            var tmp: [Value] = []
            for item in try s.iterate(v) {
                if tmp.count == n {
                    out.append(.list(ListStorage(tmp)))
                    tmp = []
                }
                tmp.append(item)
            }
            if !tmp.isEmpty {
                if let fill = b[1], !fill.isNone, tmp.count < n { tmp += Array(repeating: fill, count: n - tmp.count) }
                out.append(.list(ListStorage(tmp)))
            }
            return .list(ListStorage(out))
        }
        f["slice"] = { v, args, s in
            let b = try bind("slice", args, ["slices", "fill_with"], required: 1)
            guard let slices = b[0]?.intValue, slices > 0 else { throw JinjaError(.value, "slices must be positive") }
            guard slices <= s.environment.limits.maxSequenceLength else { throw JinjaError(.limit, "result too large") }
            let seq = try s.iterate(v)
            let perSlice = seq.count / slices
            let withExtra = seq.count % slices
            var offset = 0
            var out: [Value] = []
            for i in 0..<slices {
                let start = offset + i * perSlice
                if i < withExtra { offset += 1 }
                let end = offset + (i + 1) * perSlice
                var tmp = Array(seq[start..<end])
                if let fill = b[1], !fill.isNone, i >= withExtra { tmp.append(fill) }
                out.append(.list(ListStorage(tmp)))
            }
            return .list(ListStorage(out))
        }
    }

    static func length(_ v: Value, _ s: RenderState) throws -> Int {
        switch v {
        case .string(let str): return str.unicodeScalars.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.items.count
        case .undefined(let u):
            if s.environment.undefinedBehavior == .strict { throw JinjaError(.undefined, u.message) }
            return 0
        case .object(let o):
            if let items = try o.iterate() { return items.count }
            throw JinjaError(.type, "object of type '\(o.typeName)' has no len()")
        default:
            throw JinjaError(.type, "object of type '\(v.typeName)' has no len()")
        }
    }

    private static func selectOrReject(_ v: Value, _ args: Arguments, _ s: RenderState, select: Bool, attribute: Bool) throws -> Value {
        var positional = args.positional[...]
        var getter: (Value) throws -> Value = { $0 }
        if attribute {
            guard let attr = positional.first else { throw JinjaError(.badArguments, "Missing parameter for attribute name") }
            getter = attributeGetter(attr, s)
            positional = positional.dropFirst()
        }
        let test: (Value) throws -> Bool
        if let nameValue = positional.first {
            let name = try s.string(nameValue)
            let rest = Arguments(Array(positional.dropFirst()), keywords: args.keywords)
            test = { try s.applyTest(name, $0, rest) }
        } else {
            test = { $0.isTruthy }
        }
        var out: [Value] = []
        for item in try s.iterate(v) where try test(try getter(item)) == select {
            out.append(item)
        }
        return .list(ListStorage(out))
    }

    private static func extreme(_ v: Value, _ args: Arguments, _ s: RenderState, max: Bool) throws -> Value {
        let b = try bind(max ? "max" : "min", args, ["case_sensitive", "attribute"])
        let key = attributeGetter(b[1], lowercase: !(b[0]?.isTruthy ?? false), s)
        let items = try s.iterate(v)
        guard var best = items.first else {
            return .undefined(Undefined(name: nil))
        }
        var bestKey = try key(best)
        for item in items.dropFirst() {
            let k = try key(item)
            guard let less = max ? Value.pythonLess(bestKey, k) : Value.pythonLess(k, bestKey) else {
                throw JinjaError(.type, "'<' not supported between instances of '\(k.typeName)' and '\(bestKey.typeName)'")
            }
            if less {
                best = item
                bestKey = k
            }
        }
        return best
    }
}

/// One group of `groupby`: a `(grouper, list)` pair with those two attributes.
final class GroupTuple: JinjaObject, @unchecked Sendable {
    let grouper: Value
    let list: [Value]
    init(grouper: Value, list: [Value]) {
        self.grouper = grouper
        self.list = list
    }
    var typeName: String { "_GroupTuple" }
    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "grouper": return grouper
        case "list": return .list(ListStorage(list))
        default: return nil
        }
    }
    func item(_ key: Value) throws -> Value? { Operators.index([grouper, .list(ListStorage(list))], key) }
    func iterate() throws -> [Value]? { [grouper, .list(ListStorage(list))] }
    var stringValue: String { Value.tuple([grouper, .list(ListStorage(list))]).pythonRepr }
}
