import GRDB

/// `greatest` and `least` as PostgreSQL has them: NULL arguments are ignored, and the result
/// is NULL only when every argument is. (SQLite's multi-argument `max`/`min` return NULL as
/// soon as one argument is NULL.) Values compare as SQLite orders them: numbers, then text,
/// then blobs.
extension DatabaseFunction {
    /// `greatest(a, b, …)`.
    static let greatest = DatabaseFunction("greatest", pure: true) { args in
        args.filter { !$0.isNull }.max(by: FunctionArguments.less)
    }

    /// `least(a, b, …)`.
    static let least = DatabaseFunction("least", pure: true) { args in
        args.filter { !$0.isNull }.min(by: FunctionArguments.less)
    }
}
