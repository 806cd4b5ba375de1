import Jinja
import Project

/// Conversions between the loader's JSON-like `ConfigValue` and template `Value`s.
public enum ValueBridge {
    /// A config value as a template value (maps become ordered dicts).
    public static func value(_ c: ConfigValue) -> Value {
        switch c {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let items): return .list(ListStorage(items.map(value)))
        case .map(let m): return value(m)
        }
    }

    /// A config map as a template dict.
    public static func value(_ m: ConfigMap) -> Value {
        let storage = DictStorage()
        storage.items.reserveCapacity(m.count)
        for (k, v) in m { storage.items[.string(k)] = value(v) }
        return .dict(storage)
    }

    /// A template value as a config value; callables and objects become their printed text.
    public static func config(_ v: Value) -> ConfigValue {
        switch v {
        case .none, .undefined: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let l): return .list(l.items.map(config))
        case .tuple(let t): return .list(t.map(config))
        case .dict(let d):
            var pairs: [(String, ConfigValue)] = []
            for (k, x) in d.items { pairs.append((k.pythonString, config(x))) }
            return .map(ConfigMap(pairs))
        case .callable, .object: return .string(v.pythonString)
        }
    }

    /// Keyword arguments (and a leading dict) of a `config(...)` call as a config map.
    public static func configCall(_ args: Arguments) throws -> ConfigMap {
        var pairs: [(String, ConfigValue)] = []
        for p in args.positional {
            guard case .dict(let d) = p else {
                throw CompilationError("config() takes keyword arguments or a dictionary, not \(p.typeName)")
            }
            for (k, x) in d.items { pairs.append((k.pythonString, config(x))) }
        }
        for (k, x) in args.keywords { pairs.append((k, config(x))) }
        return ConfigMap(pairs)
    }
}
