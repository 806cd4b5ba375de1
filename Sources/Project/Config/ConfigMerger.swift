/// dbt's config merge rules, key by key (dbt-core `BaseConfig._merge_field_value` and the field
/// metadata of `NodeConfig`, read from dbt-core 1.11):
///
/// - append: `tags`, `pre-hook`, `post-hook`, `packages` (lists are concatenated; a scalar counts
///   as a one-element list);
/// - update: `meta`, `quoting`, `column_types`, `docs`, `contract` (dictionaries merged key by key);
/// - dict-key-append: `grants` (per privilege, a `+select` key extends the list, `select` replaces it);
/// - clobber: everything else, including `persist_docs` and adapter-specific keys.
public enum ConfigMerger {
    /// How one key merges.
    public enum Behavior: Sendable {
        case append, update, dictKeyAppend, clobber
    }

    /// The behavior for a (normalised) key.
    public static func behavior(for key: String) -> Behavior {
        switch key {
        case "tags", "pre-hook", "post-hook", "packages": return .append
        case "meta", "quoting", "column_types", "docs", "contract": return .update
        case "grants": return .dictKeyAppend
        default: return .clobber
        }
    }

    /// The spelling a key is stored under: `pre_hook` and `post_hook` become `pre-hook` and
    /// `post-hook` (dbt's alias, and the manifest's key).
    public static func normalizedKey(_ key: String) -> String {
        switch key {
        case "pre_hook": return "pre-hook"
        case "post_hook": return "post-hook"
        default: return key
        }
    }

    /// Merges `layer` on top of `base`.
    public static func merge(_ base: inout ConfigMap, _ layer: ConfigMap) {
        for (rawKey, value) in layer {
            let key = normalizedKey(rawKey)
            guard let current = base[key] else {
                base[key] = initial(key, value)
                continue
            }
            switch behavior(for: key) {
            case .append:
                base[key] = .list(listify(current) + listify(value))
            case .update:
                if case .map(let a) = current, case .map(let b) = value {
                    base[key] = .map(a.updating(with: b))
                } else {
                    base[key] = value
                }
            case .dictKeyAppend:
                base[key] = .map(appendKeys(current.mapValue ?? ConfigMap(), value.mapValue ?? ConfigMap()))
            case .clobber:
                base[key] = value
            }
        }
    }

    /// The merge of several layers, lowest precedence first.
    public static func merged(_ layers: [ConfigMap]) -> ConfigMap {
        var out = ConfigMap()
        for layer in layers { merge(&out, layer) }
        return out
    }

    private static func initial(_ key: String, _ value: ConfigValue) -> ConfigValue {
        switch behavior(for: key) {
        case .append: return .list(listify(value))
        case .dictKeyAppend: return .map(appendKeys(ConfigMap(), value.mapValue ?? ConfigMap()))
        default: return value
        }
    }

    private static func listify(_ v: ConfigValue) -> [ConfigValue] {
        if case .list(let l) = v { return l }
        return [v]
    }

    private static func appendKeys(_ base: ConfigMap, _ other: ConfigMap) -> ConfigMap {
        var out = ConfigMap()
        for (k, v) in base { out[k] = .list(listify(v)) }
        for (k, v) in other {
            let extend = k.hasPrefix("+")
            let name = extend ? String(k.drop(while: { $0 == "+" })) : k
            if extend, case .list(let existing)? = out[name] {
                out[name] = .list(existing + listify(v))
            } else {
                out[name] = .list(listify(v))
            }
        }
        return out
    }
}
