import Foundation
import Jinja
import Project

/// dbt's rendering of generic test arguments: a string that looks like a call to `ref`,
/// `source`, `var`, `env_var` or `doc` is wrapped in `{{ }}`, and every string is then rendered
/// natively, so `to: ref('customers')` arrives in the test macro as a relation.
enum TestKwargs {
    private static let looksLikeFunction = try! NSRegularExpression(pattern: #"^\s*(env_var|ref|var|source|doc)\s*\(.+\)\s*$"#)

    /// - Parameter templates: where parsed argument templates are kept (`model` is the same
    ///   text for every test of one model), or nil to parse each time.
    static func render(_ kwargs: ConfigMap, in scope: Scope, environment: Environment, templates: TemplateCache? = nil) -> Value {
        let storage = DictStorage()
        for (key, value) in kwargs {
            storage[key] = key == "column_name" ? ValueBridge.value(value) : render(value, scope, environment, templates)
        }
        return .dict(storage)
    }

    private static func render(_ value: ConfigValue, _ scope: Scope, _ env: Environment, _ templates: TemplateCache?) -> Value {
        switch value {
        case .string(var s):
            let range = NSRange(s.startIndex..., in: s)
            if looksLikeFunction.firstMatch(in: s, range: range) != nil { s = "{{ \(s) }}" }
            guard s.contains("{{") || s.contains("{%") else { return .string(s) }
            // A failing argument renders as its text; the test macro then fails with context.
            let parsed = templates.map { try? $0.template(s, name: "<test argument>", environment: env) }
                ?? (try? env.template(s, name: "<test argument>"))
            guard let template = parsed,
                  let v = try? template.evaluate(in: scope) else { return .string(s) }
            return v
        case .list(let items): return .list(ListStorage(items.map { render($0, scope, env, templates) }))
        case .map(let m):
            let d = DictStorage()
            for (k, v) in m { d[k] = render(v, scope, env, templates) }
            return .dict(d)
        default:
            return ValueBridge.value(value)
        }
    }
}
