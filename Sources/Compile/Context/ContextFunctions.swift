import Jinja

/// The plain functions of dbt's base context, as `Function` values: `fromjson`, `tojson`,
/// `fromyaml`, `toyaml`, `zip`, `zip_strict`, `set`, `set_strict`, `local_md5`,
/// `diff_of_two_dicts`, `try_or_compiler_error`, and `print`/`log` through sinks.
///
/// Each follows dbt's signature and its error behaviour: the lenient ones return their
/// `default` (none unless given) where Python would raise.
public enum ContextFunctions {
    /// `fromjson(string, default=None)`: the value of the JSON text, or `default` when it is not
    /// valid JSON.
    public static let fromjson = Function("fromjson") { args in
        let b = try args.bind("fromjson", ["string", "default"], required: 1)
        guard case .string(let text) = b[0]! else { return b[1] ?? .none }
        return (try? Value.parseJSON(text)) ?? b[1] ?? .none
    }

    /// `tojson(value, default=None, sort_keys=False)`: Python's `json.dumps`, or `default` when
    /// the value cannot be serialised.
    public static let tojson = Function("tojson") { args in
        let b = try args.bind("tojson", ["value", "default", "sort_keys"], required: 1)
        let sortKeys = b[2]?.isTruthy ?? false
        return (try? b[0]!.jsonString(sortKeys: sortKeys)).map(Value.string) ?? b[1] ?? .none
    }

    /// `fromyaml(value, default=None)`: PyYAML's `safe_load`, or `default` on invalid YAML.
    public static let fromyaml = Function("fromyaml") { args in
        let b = try args.bind("fromyaml", ["value", "default"], required: 1)
        guard case .string(let text) = b[0]! else { return b[1] ?? .none }
        return (try? YAMLConversion.parse(text)) ?? b[1] ?? .none
    }

    /// `toyaml(value, default=None, sort_keys=False)`: PyYAML's `safe_dump` in block style.
    public static let toyaml = Function("toyaml") { args in
        let b = try args.bind("toyaml", ["value", "default", "sort_keys"], required: 1)
        return (try? YAMLConversion.dump(b[0]!, sortKeys: b[2]?.isTruthy ?? false)).map(Value.string) ?? b[1] ?? .none
    }

    /// `zip(*iterables, default=None)`: a list of tuples, as long as the shortest argument;
    /// `default` when an argument is not iterable.
    public static let zip = Function("zip", withState: { args, state in
        guard let sequences = try? zipArguments(args, state) else { return args.keyword("default") ?? .none }
        return .list(sequences)
    })

    /// `zip_strict(*iterables)`: `zip` that raises on a non-iterable argument.
    public static let zipStrict = Function("zip_strict", withState: { args, state in
        .list(try zipArguments(args, state))
    })

    private static func zipArguments(_ args: Arguments, _ state: RenderState) throws -> [Value] {
        let lists = try args.positional.map { try state.iterate($0) }
        let count = lists.map(\.count).min() ?? 0
        return (0..<count).map { i in .tuple(lists.map { $0[i] }) }
    }

    /// `set(iterable, default=None)`: the unique items. dbt returns a Python set; this returns a
    /// list in first-seen order (deterministic, and what templates iterate or test `in`).
    /// `default` when the argument is not iterable or has unhashable items.
    public static let set = Function("set", withState: { args, state in
        let b = try args.bind("set", ["value", "default"], required: 1)
        return (try? uniqueItems(b[0]!, state)) ?? b[1] ?? .none
    })

    /// `set_strict(iterable)`: `set` that raises instead of returning a default.
    public static let setStrict = Function("set_strict", withState: { args, state in
        let b = try args.bind("set_strict", ["value"], required: 1)
        return try uniqueItems(b[0]!, state)
    })

    private static func uniqueItems(_ value: Value, _ state: RenderState) throws -> Value {
        var seen = Swift.Set<Value>()
        var out: [Value] = []
        for item in try state.iterate(value) {
            guard item.isHashable else { throw JinjaError(.type, "unhashable type: '\(item.typeName)'") }
            if seen.insert(item).inserted { out.append(item) }
        }
        return .list(out)
    }

    /// `local_md5(value)`: the MD5 hex digest of the string, computed locally.
    public static let localMD5 = Function("local_md5", withState: { args, state in
        let b = try args.bind("local_md5", ["value"], required: 1)
        return .string(MD5.hex(try state.string(b[0]!)))
    })

    /// `diff_of_two_dicts(dict_a, dict_b)`: the entries of `dict_a` (lists of strings) minus
    /// those of `dict_b`, compared without regard to case; keys keep `dict_a`'s spelling.
    public static let diffOfTwoDicts = Function("diff_of_two_dicts", withState: { args, state in
        let b = try args.bind("diff_of_two_dicts", ["dict_a", "dict_b"], required: 2)
        guard case .dict(let a) = b[0]!, case .dict(let other) = b[1]! else {
            throw JinjaError(.type, "diff_of_two_dicts() takes two dicts")
        }
        var lowered: [String: [String]] = [:]
        for (k, v) in other.items {
            lowered[k.pythonString.lowercased()] = try state.iterate(v).map { $0.pythonString.lowercased() }
        }
        let diff = DictStorage()
        for (k, v) in a.items {
            guard let present = lowered[k.pythonString.lowercased()] else {
                diff.items[k] = v
                continue
            }
            let missing = try state.iterate(v).filter { !present.contains($0.pythonString.lowercased()) }
            if !missing.isEmpty { diff.items[k] = .list(missing) }
        }
        return .dict(diff)
    })

    /// `try_or_compiler_error(message_if_exception, func, *args, **kwargs)`: calls `func`, and
    /// turns any error into a compilation error with the given message.
    public static let tryOrCompilerError = Function("try_or_compiler_error", withState: { args, state in
        guard args.positional.count >= 2 else {
            throw JinjaError(.badArguments, "try_or_compiler_error() needs a message and a function")
        }
        let message = try state.string(args.positional[0])
        do {
            return try state.call(args.positional[1], Arguments(Array(args.positional.dropFirst(2)), keywords: args.keywords))
        } catch let r as MacroReturn {
            throw r
        } catch {
            throw CompilationError(message)
        }
    })

    /// `print(msg)`: hands `str(msg)` to `sink`; returns an empty string.
    public static func print(to sink: @escaping @Sendable (String) -> Void) -> Function {
        Function("print", withState: { args, state in
            let b = try args.bind("print", ["msg"], required: 1)
            sink(try state.string(b[0]!))
            return .string("")
        })
    }

    /// `log(msg, info=False)`: `info=True` messages go to `info`, the others to `debug`;
    /// returns an empty string.
    public static func log(info: @escaping @Sendable (String) -> Void, debug: @escaping @Sendable (String) -> Void) -> Function {
        Function("log", withState: { args, state in
            let b = try args.bind("log", ["msg", "info"], required: 1)
            let message = try state.string(b[0]!)
            if b[1]?.isTruthy ?? false { info(message) } else { debug(message) }
            return .string("")
        })
    }
}
