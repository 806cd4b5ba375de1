import Foundation
import Jinja

/// Parsed templates by source text and name, shared across threads: generic tests of one kind
/// in one properties file have the same `raw_code`, so it is parsed once, not once per test.
final class TemplateCache: @unchecked Sendable {
    private var templates: [String: Template] = [:]
    private let lock = NSLock()

    /// The template for `source` named `name` in `environment`, parsed on first use. The cache
    /// assumes one environment per cache.
    func template(_ source: String, name: String, environment: Environment) throws -> Template {
        let key = "\(name)\u{0}\(source)"
        if let t = lock.withLock({ templates[key] }) { return t }
        let t = try environment.template(source, name: name)
        lock.withLock { templates[key] = t }
        return t
    }
}
