import Foundation

import Jinja

/// Renders Jinja in YAML string values with ingot's Jinja engine and dbt's small YAML context:
/// `env_var('X', default)`, `var('x', default)` bound to the given vars, and the native filters
/// `as_number`, `as_bool`, `as_native` and `as_text`.
///
/// As in dbt, a value that is a single expression ending in a native filter keeps that type
/// (`port: "{{ env_var('PGPORT') | as_number }}"` is the number 5432); anything else is a string.
public struct JinjaYAMLRenderer: YAMLValueRenderer {
    private static let environment: Environment = {
        var env = Environment()
        env.filters["as_text"] = { v, _, s in .string(try s.string(v)) }
        env.filters["as_native"] = { v, _, _ in v }
        env.filters["as_bool"] = { v, _, _ in
            if case .string(let s) = v { return s.lowercased() == "true" ? .bool(true) : s.lowercased() == "false" ? .bool(false) : v }
            return v
        }
        env.filters["as_number"] = { v, _, _ in
            guard case .string(let s) = v else { return v }
            let t = s.trimmingCharacters(in: .whitespaces)
            if let i = Int(t) { return .int(i) }
            if let d = Double(t) { return .double(d) }
            throw JinjaError(.value, "'\(s)' is not a number")
        }
        return env
    }()

    /// Creates the renderer.
    public init() {}

    /// See `YAMLValueRenderer.render(_:at:context:)`.
    public func render(_ template: String, at location: SourceLocation, context: YAMLRenderContext)
        throws(ProjectError) -> ConfigValue
    {
        let env = context.environment
        let vars = context.vars
        var failure: ProjectError?
        let scope = Scope([
            "env_var": .callable(Function("env_var") { args in
                let b = try args.bind("env_var", ["var", "default"], required: 1)
                let name = b[0]!.pythonString
                if let value = env[name] { return .string(value) }
                if let d = b[1] { return d }
                throw MissingName.envVar(name)
            }),
            "var": .callable(Function("var") { args in
                let b = try args.bind("var", ["name", "default"], required: 1)
                let name = b[0]!.pythonString
                if let value = vars[name] { return Self.value(value) }
                if let d = b[1] { return d }
                throw MissingName.variable(name)
            }),
        ])
        do {
            let t = try Self.environment.template(template, name: location.file)
            let value = try t.evaluate(in: scope)
            if Self.isNative(template), Self.endsInNativeFilter(template) { return Self.config(value) }
            return .string(value.pythonString)
        } catch let e as JinjaError {
            switch e.underlying as? MissingName {
            case .envVar(let name)?: failure = .missingEnvVar(name, at: location)
            case .variable(let name)?: failure = .missingVar(name, at: location)
            case nil: failure = ProjectError(.renderFailed, "could not render '\(template)': \(e.detail)", at: location)
            }
        } catch {
            failure = ProjectError(.renderFailed, "could not render '\(template)': \(error)", at: location)
        }
        throw failure!
    }

    private enum MissingName: Error {
        case envVar(String)
        case variable(String)
    }

    /// One `{{ … }}` and nothing around it.
    private static func isNative(_ template: String) -> Bool {
        let t = template.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.hasPrefix("{{") && t.hasSuffix("}}") && t.dropFirst(2).range(of: "{{") == nil
    }

    private static func endsInNativeFilter(_ template: String) -> Bool {
        let body = template.trimmingCharacters(in: .whitespacesAndNewlines).dropLast(2).trimmingCharacters(in: .whitespaces)
        return ["as_number", "as_bool", "as_native"].contains { body.hasSuffix($0) }
    }

    static func value(_ c: ConfigValue) -> Value {
        switch c {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let items): return .list(ListStorage(items.map(value)))
        case .map(let m):
            let d = DictStorage()
            for (k, v) in m { d[k] = value(v) }
            return .dict(d)
        }
    }

    static func config(_ v: Value) -> ConfigValue {
        switch v {
        case .none, .undefined: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let l): return .list(l.items.map(config))
        case .tuple(let t): return .list(t.map(config))
        case .dict(let d): return .map(ConfigMap(d.items.map { ($0.key.pythonString, config($0.value)) }))
        default: return .string(v.pythonString)
        }
    }
}
