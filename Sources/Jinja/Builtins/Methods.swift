import Foundation

/// The Python methods templates call on strings, lists and dicts (`s.upper()`, `xs.append(1)`,
/// `d.items()`).
enum Methods {
    static let stringMethods: Set<String> = [
        "lower", "upper", "strip", "lstrip", "rstrip", "split", "rsplit", "splitlines", "replace", "startswith",
        "endswith", "format", "join", "title", "capitalize", "count", "find", "rfind", "index", "rindex",
        "isdigit", "isalpha", "isalnum", "isupper", "islower", "isspace", "isnumeric", "isdecimal", "zfill",
        "center", "ljust", "rjust", "partition", "rpartition", "swapcase", "casefold", "format_map",
        "removeprefix", "removesuffix", "istitle", "encode",
    ]
    static let listMethods: Set<String> = [
        "append", "extend", "pop", "insert", "index", "count", "remove", "reverse", "sort", "copy", "clear",
    ]
    static let tupleMethods: Set<String> = ["index", "count"]
    /// `dictMethods.contains(name)` without hashing: checked on every `d.key` attribute access.
    static func isDictMethod(_ name: String) -> Bool {
        // Their lengths are 3 to 10; a quick reject for most keys.
        let n = name.utf8.count
        guard n >= 3, n <= 10, n != 8, n != 9 else { return false }
        switch name {
        case "items", "keys", "values", "get", "update", "pop", "setdefault", "copy", "clear", "popitem": return true
        default: return false
        }
    }
    static let dictMethods: Set<String> = [
        "items", "keys", "values", "get", "update", "pop", "setdefault", "copy", "clear", "popitem",
    ]

    static func hasMethod(_ receiver: Value, _ name: String) -> Bool {
        switch receiver {
        case .string: return stringMethods.contains(name)
        case .list: return listMethods.contains(name)
        case .tuple: return tupleMethods.contains(name)
        case .dict: return isDictMethod(name)
        case .double: return name == "is_integer"
        case .int, .bool: return name == "bit_length"
        default: return false
        }
    }

    /// Calls `receiver.name(arguments)`; nil when the receiver has no such method.
    static func call(_ receiver: Value, _ name: String, _ args: Arguments, _ state: RenderState) throws -> Value? {
        switch receiver {
        case .string(let s): return try stringMethod(s, name, args, state)
        case .list(let l): return try listMethod(l, name, args, state)
        case .tuple(let t):
            switch name {
            case "index": return try index(of: t, args)
            case "count": return .int(t.filter { $0 == (args.positional.first ?? .none) }.count)
            default: return nil
            }
        case .dict(let d): return try dictMethod(d, name, args)
        case .double(let d):
            return name == "is_integer" ? .bool(d.rounded(.towardZero) == d && d.isFinite) : nil
        case .int, .bool:
            guard name == "bit_length", let i = receiver.intValue else { return nil }
            return .int(Int.bitWidth - i.magnitude.leadingZeroBitCount)
        default: return nil
        }
    }

    private static func string(_ v: Value?, _ what: String) throws -> String {
        guard let v else { throw JinjaError(.badArguments, "\(what) takes at least 1 argument") }
        guard case .string(let s) = v else {
            throw JinjaError(.type, "must be str, not \(v.typeName)")
        }
        return s
    }

    private static func optionalInt(_ v: Value?) throws -> Int? {
        guard let v, !v.isNone else { return nil }
        guard let i = v.intValue, !v.isDouble else {
            throw JinjaError(.type, "'\(v.typeName)' object cannot be interpreted as an integer")
        }
        return i
    }

    // MARK: - str

    private static func stringMethod(_ s: String, _ name: String, _ args: Arguments, _ state: RenderState) throws -> Value? {
        switch name {
        case "lower": return .string(s.lowercased())
        case "upper": return .string(s.uppercased())
        case "casefold": return .string(s.lowercased())
        case "swapcase":
            return .string(String(s.map { c in
                c.isUppercase ? Character(c.lowercased()) : c.isLowercase ? Character(c.uppercased()) : c
            }))
        case "strip", "lstrip", "rstrip":
            let b = try args.bind(name, ["chars"])
            let chars: String? = b[0].flatMap { $0.isNone ? nil : $0.stringValue }
            return .string(TextUtilities.strip(s, chars: chars, leading: name != "rstrip", trailing: name != "lstrip"))
        case "split", "rsplit":
            let b = try args.bind(name, ["sep", "maxsplit"])
            let sep: String? = b[0].flatMap { $0.isNone ? nil : $0.stringValue }
            if let sep, sep.isEmpty { throw JinjaError(.value, "empty separator") }
            let maxsplit = try optionalInt(b[1]) ?? -1
            let parts = name == "split"
                ? TextUtilities.split(s, separator: sep, maxSplit: maxsplit)
                : TextUtilities.rsplit(s, separator: sep, maxSplit: maxsplit)
            return .list(ListStorage(parts.map { .string($0) }))
        case "splitlines":
            var lines = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
            if lines.last == "" { lines.removeLast() }
            return .list(ListStorage(lines.map { .string($0) }))
        case "replace":
            let b = try args.bind(name, ["old", "new", "count"], required: 2)
            let count = try optionalInt(b[2]) ?? -1
            return .string(TextUtilities.replace(s, try string(b[0], name), try string(b[1], name), count: count))
        case "startswith", "endswith":
            let b = try args.bind(name, ["prefix", "start", "end"], required: 1)
            let candidates: [Value]
            if case .tuple(let t) = b[0]! { candidates = t } else { candidates = [b[0]!] }
            let scalars = Array(s.unicodeScalars)
            let (lo, hi) = TextUtilities.sliceBounds(scalars.count, try optionalInt(b[1]), try optionalInt(b[2]))
            let window = lo <= hi ? String(String.UnicodeScalarView(scalars[lo..<hi])) : ""
            for c in candidates {
                guard case .string(let p) = c else {
                    throw JinjaError(.type, "\(name) first arg must be str or a tuple of str, not \(c.typeName)")
                }
                if lo > hi { continue }
                if name == "startswith" ? window.unicodeScalars.starts(with: p.unicodeScalars)
                    : window.unicodeScalars.reversed().starts(with: p.unicodeScalars.reversed()) {
                    return .bool(true)
                }
            }
            return .bool(false)
        case "removeprefix":
            let p = try string(args.positional.first, name)
            return .string(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s)
        case "removesuffix":
            let p = try string(args.positional.first, name)
            return .string(s.hasSuffix(p) && !p.isEmpty ? String(s.dropLast(p.count)) : s)
        case "format":
            return .string(try PythonFormat.format(s, args, state))
        case "format_map":
            guard case .dict(let d)? = args.positional.first else { throw JinjaError(.type, "format_map() takes a mapping") }
            var kw: [(name: String, value: Value)] = []
            for (k, v) in d.items { kw.append((k.pythonString, v)) }
            return .string(try PythonFormat.format(s, Arguments([], keywords: kw), state))
        case "join":
            guard let iterable = args.positional.first else { throw JinjaError(.badArguments, "join() takes exactly one argument") }
            var parts: [String] = []
            for item in try state.iterate(iterable) {
                guard case .string(let p) = item else {
                    throw JinjaError(.type, "sequence item \(parts.count): expected str instance, \(item.typeName) found")
                }
                parts.append(p)
            }
            return .string(parts.joined(separator: s))
        case "title": return .string(TextUtilities.pythonTitle(s))
        case "istitle": return .bool(TextUtilities.pythonTitle(s) == s && s.contains(where: \.isLetter))
        case "capitalize": return .string(TextUtilities.capitalize(s))
        case "count":
            let b = try args.bind(name, ["sub", "start", "end"], required: 1)
            let sub = try string(b[0], name)
            let scalars = Array(s.unicodeScalars)
            let (lo, hi) = TextUtilities.sliceBounds(scalars.count, try optionalInt(b[1]), try optionalInt(b[2]))
            guard lo <= hi else { return .int(0) }
            let window = String(String.UnicodeScalarView(scalars[lo..<hi]))
            if sub.isEmpty { return .int(window.unicodeScalars.count + 1) }
            return .int(TextUtilities.occurrences(of: sub, in: window))
        case "find", "index", "rfind", "rindex":
            let b = try args.bind(name, ["sub", "start", "end"], required: 1)
            let sub = try string(b[0], name)
            let scalars = Array(s.unicodeScalars)
            let (lo, hi) = TextUtilities.sliceBounds(scalars.count, try optionalInt(b[1]), try optionalInt(b[2]))
            let found = TextUtilities.find(Array(sub.unicodeScalars), in: scalars, from: lo, to: hi, reverse: name.hasPrefix("r"))
            if found < 0, name.hasSuffix("index") { throw JinjaError(.value, "substring not found") }
            return .int(found)
        case "isdigit", "isdecimal", "isnumeric":
            return .bool(!s.isEmpty && s.allSatisfy { $0.isNumber })
        case "isalpha": return .bool(!s.isEmpty && s.allSatisfy { $0.isLetter })
        case "isalnum": return .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber })
        case "isspace": return .bool(!s.isEmpty && s.allSatisfy { $0.isWhitespace })
        case "isupper": return .bool(s.contains { $0.isCased } && !s.contains { $0.isLowercase })
        case "islower": return .bool(s.contains { $0.isCased } && !s.contains { $0.isUppercase })
        case "zfill":
            let width = try optionalInt(args.positional.first) ?? 0
            let count = s.unicodeScalars.count
            guard count < width else { return .string(s) }
            guard width <= state.environment.limits.maxSequenceLength else { throw JinjaError(.limit, "result too large") }
            var body = Substring(s)
            var sign = ""
            if let f = body.first, f == "-" || f == "+" {
                sign = String(f)
                body = body.dropFirst()
            }
            return .string(sign + TextUtilities.repeated("0", count: width - count) + body)
        case "center", "ljust", "rjust":
            let b = try args.bind(name, ["width", "fillchar"], required: 1)
            let width = try optionalInt(b[0]) ?? 0
            let fill = b[1]?.stringValue ?? " "
            guard fill.unicodeScalars.count == 1 else {
                throw JinjaError(.type, "The fill character must be exactly one character long")
            }
            let count = s.unicodeScalars.count
            guard count < width else { return .string(s) }
            guard width <= state.environment.limits.maxSequenceLength else { throw JinjaError(.limit, "result too large") }
            let padding = width - count
            switch name {
            case "ljust": return .string(s + TextUtilities.repeated(fill, count: padding))
            case "rjust": return .string(TextUtilities.repeated(fill, count: padding) + s)
            default:
                // Python puts the odd extra character on the left when the width is odd.
                let left = padding / 2 + (padding & width & 1)
                return .string(TextUtilities.repeated(fill, count: left) + s + TextUtilities.repeated(fill, count: padding - left))
            }
        case "partition", "rpartition":
            let sep = try string(args.positional.first, name)
            guard !sep.isEmpty else { throw JinjaError(.value, "empty separator") }
            let range = name == "partition" ? s.range(of: sep) : s.range(of: sep, options: .backwards)
            guard let range else {
                return name == "partition" ? .tuple([.string(s), "", ""]) : .tuple(["", "", .string(s)])
            }
            return .tuple([.string(String(s[..<range.lowerBound])), .string(sep), .string(String(s[range.upperBound...]))])
        case "encode":
            return .string(s)
        default:
            return nil
        }
    }

    // MARK: - list

    private static func index(of items: [Value], _ args: Arguments) throws -> Value {
        guard let needle = args.positional.first else { throw JinjaError(.badArguments, "index expected at least 1 argument") }
        let (lo, hi) = TextUtilities.sliceBounds(items.count, try optionalInt(args.positional.dropFirst().first),
                                                 try optionalInt(args.positional.dropFirst(2).first))
        guard lo < hi, let i = items[lo..<hi].firstIndex(of: needle) else {
            throw JinjaError(.value, "\(needle.pythonRepr) is not in list")
        }
        return .int(i)
    }

    private static func listMethod(_ l: ListStorage, _ name: String, _ args: Arguments, _ state: RenderState) throws -> Value? {
        switch name {
        case "append":
            guard args.positional.count == 1 else { throw JinjaError(.badArguments, "list.append() takes exactly one argument (\(args.positional.count) given)") }
            l.items.append(args.positional[0])
            return Value.none
        case "extend":
            guard args.positional.count == 1 else { throw JinjaError(.badArguments, "list.extend() takes exactly one argument") }
            l.items.append(contentsOf: try state.iterate(args.positional[0]))
            return Value.none
        case "pop":
            guard !l.items.isEmpty else { throw JinjaError(.value, "pop from empty list") }
            let i = try optionalInt(args.positional.first) ?? -1
            let idx = i < 0 ? l.items.count + i : i
            guard idx >= 0 && idx < l.items.count else { throw JinjaError(.value, "pop index out of range") }
            return l.items.remove(at: idx)
        case "insert":
            guard args.positional.count == 2 else { throw JinjaError(.badArguments, "insert expected 2 arguments") }
            let i = try optionalInt(args.positional[0]) ?? 0
            let idx = i < 0 ? max(0, l.items.count + i) : min(i, l.items.count)
            l.items.insert(args.positional[1], at: idx)
            return Value.none
        case "index": return try index(of: l.items, args)
        case "count": return .int(l.items.filter { $0 == (args.positional.first ?? .none) }.count)
        case "remove":
            guard let needle = args.positional.first, let i = l.items.firstIndex(of: needle) else {
                throw JinjaError(.value, "list.remove(x): x not in list")
            }
            l.items.remove(at: i)
            return Value.none
        case "reverse":
            l.items.reverse()
            return Value.none
        case "sort":
            let b = try args.bind("sort", ["key", "reverse"])
            if let key = b[0], !key.isNone { throw JinjaError(.type, "sort(key=) is not supported in templates") }
            l.items = try Sorting.sorted(l.items, reverse: b[1]?.isTruthy ?? false) { $0 }
            return Value.none
        case "copy": return .list(ListStorage(l.items))
        case "clear":
            l.items.removeAll()
            return Value.none
        default: return nil
        }
    }

    // MARK: - dict

    private static func dictMethod(_ d: DictStorage, _ name: String, _ args: Arguments) throws -> Value? {
        switch name {
        case "items": return .list(ListStorage(d.items.map { .tuple([$0.key, $0.value]) }))
        case "keys": return .list(ListStorage(Array(d.items.keys)))
        case "values": return .list(ListStorage(Array(d.items.values)))
        case "get":
            guard let key = args.positional.first, args.positional.count <= 2 else {
                throw JinjaError(.badArguments, "get expected at most 2 arguments")
            }
            guard key.isHashable else { throw JinjaError(.type, "unhashable type: '\(key.typeName)'") }
            return d.items[key] ?? (args.positional.count > 1 ? args.positional[1] : .none)
        case "update":
            for p in args.positional {
                switch p {
                case .dict(let other): for (k, v) in other.items { d.items[k] = v }
                default:
                    throw JinjaError(.type, "'\(p.typeName)' object is not a mapping")
                }
            }
            for (k, v) in args.keywords { d[k] = v }
            return Value.none
        case "pop":
            guard let key = args.positional.first else { throw JinjaError(.badArguments, "pop expected at least 1 argument") }
            guard key.isHashable else { throw JinjaError(.type, "unhashable type: '\(key.typeName)'") }
            if let v = d.items.removeValue(forKey: key) { return v }
            if args.positional.count > 1 { return args.positional[1] }
            throw JinjaError(.host, "KeyError: \(key.pythonRepr)")
        case "setdefault":
            guard let key = args.positional.first else { throw JinjaError(.badArguments, "setdefault expected at least 1 argument") }
            guard key.isHashable else { throw JinjaError(.type, "unhashable type: '\(key.typeName)'") }
            if let v = d.items[key] { return v }
            let v = args.positional.count > 1 ? args.positional[1] : .none
            d.items[key] = v
            return v
        case "copy": return .dict(DictStorage(d.items))
        case "clear":
            d.items.removeAll()
            return Value.none
        case "popitem":
            guard let last = d.items.elements.last else { throw JinjaError(.host, "KeyError: 'popitem(): dictionary is empty'") }
            d.items.removeLast()
            return .tuple([last.key, last.value])
        default: return nil
        }
    }
}
