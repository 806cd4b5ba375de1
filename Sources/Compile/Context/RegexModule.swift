import Jinja

/// `modules.re`: Python's `re` module on `NSRegularExpression`.
///
/// Functions `match` (anchored at the start only), `search`, `fullmatch`, `sub`, `subn`,
/// `findall`, `finditer`, `split`, `compile`, `escape`, and the flags `I`/`IGNORECASE`,
/// `M`/`MULTILINE`, `S`/`DOTALL`, `X`/`VERBOSE`, `A`/`ASCII`, `U`/`UNICODE` (combine them by
/// adding). Patterns use Python's syntax; see `PythonRegex` for what is translated.
enum RegexModule {
    static func make() -> Value {
        var members: [String: Value] = [
            "I": .int(PythonRegex.ignoreCase), "IGNORECASE": .int(PythonRegex.ignoreCase),
            "M": .int(PythonRegex.multiline), "MULTILINE": .int(PythonRegex.multiline),
            "S": .int(PythonRegex.dotAll), "DOTALL": .int(PythonRegex.dotAll),
            "X": .int(PythonRegex.verbose), "VERBOSE": .int(PythonRegex.verbose),
            "A": .int(PythonRegex.ascii), "ASCII": .int(PythonRegex.ascii),
            "U": .int(PythonRegex.unicode), "UNICODE": .int(PythonRegex.unicode),
        ]
        for name in ["match", "search", "fullmatch"] {
            members[name] = .callable(Function(name) { args in
                let b = try args.bind(name, ["pattern", "string", "flags"], required: 2)
                return RegexOperations.match(try compile(b[0]!, b[2]), try text(b[1]!, name), name, pos: 0)
            })
        }
        members["sub"] = .callable(Function("sub", withState: { args, state in
            let b = try args.bind("sub", ["pattern", "repl", "string", "count", "flags"], required: 3)
            return try RegexOperations.sub(try compile(b[0]!, b[4]), b[1]!, try text(b[2]!, "sub"),
                                           count: b[3]?.intValue ?? 0, returnCount: false, state: state)
        }))
        members["subn"] = .callable(Function("subn", withState: { args, state in
            let b = try args.bind("subn", ["pattern", "repl", "string", "count", "flags"], required: 3)
            return try RegexOperations.sub(try compile(b[0]!, b[4]), b[1]!, try text(b[2]!, "subn"),
                                           count: b[3]?.intValue ?? 0, returnCount: true, state: state)
        }))
        members["findall"] = .callable(Function("findall") { args in
            let b = try args.bind("findall", ["pattern", "string", "flags"], required: 2)
            return RegexOperations.findall(try compile(b[0]!, b[2]), try text(b[1]!, "findall"))
        })
        members["finditer"] = .callable(Function("finditer") { args in
            let b = try args.bind("finditer", ["pattern", "string", "flags"], required: 2)
            return .list(try compile(b[0]!, b[2]).allMatches(in: try text(b[1]!, "finditer")).map { .object($0) })
        })
        members["split"] = .callable(Function("split") { args in
            let b = try args.bind("split", ["pattern", "string", "maxsplit", "flags"], required: 2)
            return RegexOperations.split(try compile(b[0]!, b[3]), try text(b[1]!, "split"), maxsplit: b[2]?.intValue ?? 0)
        })
        members["compile"] = .callable(Function("compile") { args in
            let b = try args.bind("compile", ["pattern", "flags"], required: 1)
            return .object(RegexPatternValue(try compile(b[0]!, b[1])))
        })
        members["escape"] = .callable(Function("escape") { args in
            let b = try args.bind("escape", ["pattern"], required: 1)
            return .string(escape(try ContextArguments.string(b[0], "escape", "pattern")))
        })
        return .object(NamespaceObject("re", members))
    }

    private static func compile(_ pattern: Value, _ flags: Value?) throws -> PythonRegex {
        if case .object(let o) = pattern, let compiled = o as? RegexPatternValue { return compiled.regex }
        guard case .string(let p) = pattern else {
            throw JinjaError(.type, "first argument must be string or compiled pattern")
        }
        return try PythonRegex.compile(p, flags: flags?.intValue ?? 0)
    }

    private static func text(_ value: Value, _ function: String) throws -> PythonText {
        guard case .string(let s) = value else {
            throw JinjaError(.type, "re.\(function)(): expected string or bytes-like object, got '\(value.typeName)'")
        }
        return PythonText(s)
    }

    /// Python 3.7+'s `re.escape`: backslashes before the characters special in patterns.
    static func escape(_ s: String) -> String {
        let special = Set("()[]{}?*+-|^$\\.&~# \t\n\r\u{0B}\u{0C}")
        var out = ""
        for c in s {
            if special.contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

/// The operations `re` functions and pattern methods share.
enum RegexOperations {
    static func match(_ regex: PythonRegex, _ text: PythonText, _ kind: String, pos: Int) -> Value {
        let mode: PythonRegex.MatchMode = kind == "match" ? .anchored : kind == "fullmatch" ? .full : .search
        return regex.firstMatch(in: text, from: pos, mode: mode).map { .object($0) } ?? .none
    }

    static func sub(_ regex: PythonRegex, _ repl: Value, _ text: PythonText, count: Int, returnCount: Bool,
                    state: RenderState) throws -> Value
    {
        let template: RegexReplacement?
        if case .string(let s) = repl { template = try RegexReplacement(s, regex: regex) } else { template = nil }
        var out = ""
        var last = 0
        var replaced = 0
        let scalars = Array(text.string.unicodeScalars)
        for m in regex.allMatches(in: text) {
            if count > 0 && replaced >= count { break }
            let span = m.spans[0]!
            out.unicodeScalars.append(contentsOf: scalars[last..<span.start])
            if let template {
                out += try template.expand(m)
            } else {
                out += try state.string(try state.call(repl, Arguments([.object(m)])))
            }
            last = span.end
            replaced += 1
        }
        out.unicodeScalars.append(contentsOf: scalars[last...])
        return returnCount ? .tuple([.string(out), .int(replaced)]) : .string(out)
    }

    static func findall(_ regex: PythonRegex, _ text: PythonText) -> Value {
        .list(regex.allMatches(in: text).map { m in
            switch regex.groupCount {
            case 0: return .string(m.matchedText)
            case 1: return .string(m.group(1) ?? "")
            default: return .tuple((1...regex.groupCount).map { .string(m.group($0) ?? "") })
            }
        })
    }

    static func split(_ regex: PythonRegex, _ text: PythonText, maxsplit: Int) -> Value {
        let scalars = Array(text.string.unicodeScalars)
        func piece(_ a: Int, _ b: Int) -> Value {
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars[a..<b])
            return .string(s)
        }
        var out: [Value] = []
        var last = 0
        var splits = 0
        for m in regex.allMatches(in: text) {
            if maxsplit > 0 && splits >= maxsplit { break }
            let span = m.spans[0]!
            out.append(piece(last, span.start))
            if regex.groupCount > 0 {
                for g in 1...regex.groupCount { out.append(m.group(g).map(Value.string) ?? .none) }
            }
            last = span.end
            splits += 1
        }
        out.append(piece(last, scalars.count))
        return .list(out)
    }
}
