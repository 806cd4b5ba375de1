import Foundation
import Jinja

/// The `modules` object of dbt's Jinja context: `modules.datetime` and `modules.re`, the parts
/// of Python's modules that dbt projects use. (`pytz` and `itertools` are not provided.)
public enum ModulesValue {
    /// The `modules` value; `now` is the clock `datetime.now()`, `utcnow()` and `today()` read.
    public static func make(now: @escaping @Sendable () -> Date = { Date() }) -> Value {
        .object(NamespaceObject("modules", [
            "datetime": DateTimeModule.make(now: now),
            "re": RegexModule.make(),
        ]))
    }
}
