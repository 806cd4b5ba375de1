import Foundation

/// A renderer for the Jinja that YAML files use in practice: `{{ env_var('X') }}`,
/// `{{ env_var('X', 'default') }}`, `{{ var('x', 'default') }}`, string and number literals,
/// `~` concatenation and the filters `as_number`, `as_bool`, `as_native`, `as_text`, `int`,
/// `string`, `lower`, `upper`, `trim`.
///
/// Templates with anything else (`{% if %}`, other functions) are returned unrendered: they are
/// left for the Jinja-backed renderer rather than guessed at.
public struct MiniYAMLRenderer: YAMLValueRenderer {
    /// Creates the renderer.
    public init() {}

    /// See `YAMLValueRenderer.render(_:at:context:)`.
    public func render(_ template: String, at location: SourceLocation, context: YAMLRenderContext)
        throws(ProjectError) -> ConfigValue
    {
        if template.contains("{%") || template.contains("{#") { return .string(template) }
        var output = ""
        var single: Rendered?
        var pieces = 0
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            let literal = rest[rest.startIndex..<open.lowerBound]
            if !literal.isEmpty { output += literal; pieces += 1 }
            guard let close = rest[open.upperBound...].range(of: "}}") else { return .string(template) }
            var parser = ExpressionParser(text: rest[open.upperBound..<close.lowerBound], location: location, context: context)
            guard let value = try parser.parseExpression() else { return .string(template) }
            single = value
            pieces += 1
            output += Self.text(of: value)
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { output += rest; pieces += 1 }
        if pieces == 1, let single, case .native(let v) = single { return v }
        return .string(output)
    }

    fileprivate static func text(of value: Rendered) -> String {
        switch value {
        case .text(let s): return s
        case .native(let v): return v.scalarText ?? "\(v)"
        }
    }
}

/// A value inside an expression: text, or a value a native filter produced.
private enum Rendered {
    case text(String)
    case native(ConfigValue)
}

/// A recursive-descent reader for the small expression language above; nil means "not supported".
private struct ExpressionParser {
    var chars: [Character]
    var pos = 0
    let location: SourceLocation
    let context: YAMLRenderContext

    init(text: Substring, location: SourceLocation, context: YAMLRenderContext) {
        chars = Array(text)
        self.location = location
        self.context = context
    }

    mutating func skipSpace() {
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
    }

    mutating func parseExpression() throws(ProjectError) -> Rendered? {
        guard var value = try parseFiltered() else { return nil }
        skipSpace()
        while pos < chars.count, chars[pos] == "~" {
            pos += 1
            guard let rhs = try parseFiltered() else { return nil }
            value = .text(MiniYAMLRenderer.text(of: value) + MiniYAMLRenderer.text(of: rhs))
            skipSpace()
        }
        return pos == chars.count ? value : nil
    }

    mutating func parseFiltered() throws(ProjectError) -> Rendered? {
        guard var value = try parsePrimary() else { return nil }
        skipSpace()
        while pos < chars.count, chars[pos] == "|" {
            pos += 1
            skipSpace()
            guard let name = identifier() else { return nil }
            skipSpace()
            if pos < chars.count, chars[pos] == "(" {
                pos += 1
                skipSpace()
                guard pos < chars.count, chars[pos] == ")" else { return nil }
                pos += 1
            }
            guard let filtered = apply(filter: name, to: value) else { return nil }
            value = filtered
            skipSpace()
        }
        return value
    }

    func apply(filter: String, to value: Rendered) -> Rendered? {
        let text = MiniYAMLRenderer.text(of: value)
        switch filter {
        case "as_text", "string": return .text(text)
        case "lower": return .text(text.lowercased())
        case "upper": return .text(text.uppercased())
        case "trim": return .text(text.trimmingCharacters(in: .whitespaces))
        case "as_number", "int":
            if let i = Int(text.trimmingCharacters(in: .whitespaces)) { return .native(.int(i)) }
            if filter == "as_number", let d = Double(text) { return .native(.double(d)) }
            return filter == "int" ? .native(.int(0)) : nil
        case "as_bool":
            switch text.trimmingCharacters(in: .whitespaces) {
            case "True", "true": return .native(.bool(true))
            case "False", "false": return .native(.bool(false))
            default: return nil
            }
        case "as_native":
            return .native(YAMLNode(YAMLReader.resolvePlain(text), location: location).configValue)
        default: return nil
        }
    }

    mutating func identifier() -> String? {
        let start = pos
        while pos < chars.count, chars[pos].isLetter || chars[pos].isNumber || chars[pos] == "_" { pos += 1 }
        return pos > start ? String(chars[start..<pos]) : nil
    }

    mutating func stringLiteral() -> String? {
        guard pos < chars.count, chars[pos] == "'" || chars[pos] == "\"" else { return nil }
        let quote = chars[pos]
        pos += 1
        var out = ""
        while pos < chars.count, chars[pos] != quote {
            if chars[pos] == "\\", pos + 1 < chars.count { pos += 1 }
            out.append(chars[pos])
            pos += 1
        }
        guard pos < chars.count else { return nil }
        pos += 1
        return out
    }

    mutating func parsePrimary() throws(ProjectError) -> Rendered? {
        skipSpace()
        guard pos < chars.count else { return nil }
        if let s = stringLiteral() { return .text(s) }
        if chars[pos].isNumber || chars[pos] == "-" {
            let start = pos
            pos += 1
            while pos < chars.count, chars[pos].isNumber || chars[pos] == "." { pos += 1 }
            let text = String(chars[start..<pos])
            if let i = Int(text) { return .native(.int(i)) }
            if let d = Double(text) { return .native(.double(d)) }
            return nil
        }
        guard let name = identifier() else { return nil }
        skipSpace()
        guard name == "env_var" || name == "var", pos < chars.count, chars[pos] == "(" else { return nil }
        pos += 1
        var args: [Rendered] = []
        skipSpace()
        while pos < chars.count, chars[pos] != ")" {
            guard let arg = try parseFiltered() else { return nil }
            args.append(arg)
            skipSpace()
            if pos < chars.count, chars[pos] == "," { pos += 1; skipSpace() }
        }
        guard pos < chars.count, !args.isEmpty, args.count <= 2 else { return nil }
        pos += 1
        let key = MiniYAMLRenderer.text(of: args[0])
        if name == "env_var" {
            if let v = context.environment[key] { return .text(v) }
            if args.count == 2 { return args[1] }
            throw .missingEnvVar(key, at: location)
        }
        if let v = context.vars[key] {
            if case .string(let s) = v { return .text(s) }
            return .native(v)
        }
        if args.count == 2 { return args[1] }
        throw .missingVar(key, at: location)
    }
}
