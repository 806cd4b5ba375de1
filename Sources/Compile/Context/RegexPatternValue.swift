import Jinja

/// A compiled Python pattern (`re.compile(p, flags)`), with the module's operations as methods:
/// `match`, `search`, `fullmatch`, `sub`, `subn`, `findall`, `finditer`, `split`; attributes
/// `pattern`, `flags`, `groups`, `groupindex`.
public final class RegexPatternValue: JinjaObject {
    let regex: PythonRegex

    init(_ regex: PythonRegex) { self.regex = regex }

    public var typeName: String { "re.Pattern" }
    public var stringValue: String { "re.compile(\(Value.string(regex.pattern).pythonRepr))" }

    public func attribute(_ name: String) throws -> Value? {
        switch name {
        case "pattern": return .string(regex.pattern)
        case "flags": return .int(regex.flags)
        case "groups": return .int(regex.groupCount)
        case "groupindex":
            let d = DictStorage()
            for (n, i) in regex.groupNames { d[n] = .int(i) }
            return .dict(d)
        default: return nil
        }
    }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "match", "search", "fullmatch":
            let b = try arguments.bind(name, ["string", "pos"], required: 1)
            return RegexOperations.match(regex, try text(b[0], name), name, pos: b[1]?.intValue ?? 0)
        case "sub", "subn":
            let b = try arguments.bind(name, ["repl", "string", "count"], required: 2)
            return try RegexOperations.sub(regex, b[0]!, try text(b[1], name), count: b[2]?.intValue ?? 0,
                                           returnCount: name == "subn", state: state)
        case "findall":
            let b = try arguments.bind(name, ["string"], required: 1)
            return RegexOperations.findall(regex, try text(b[0], name))
        case "finditer":
            let b = try arguments.bind(name, ["string"], required: 1)
            return .list(regex.allMatches(in: try text(b[0], name)).map { .object($0) })
        case "split":
            let b = try arguments.bind(name, ["string", "maxsplit"], required: 1)
            return RegexOperations.split(regex, try text(b[0], name), maxsplit: b[1]?.intValue ?? 0)
        default:
            return nil
        }
    }

    private func text(_ value: Value?, _ method: String) throws -> PythonText {
        guard case .string(let s)? = value else {
            throw JinjaError(.type, "\(method)(): expected string, got '\(value?.typeName ?? "nothing")'")
        }
        return PythonText(s)
    }
}
