import Foundation
import GRDB

/// Argument conversions shared by the function library. Functions throw
/// `DatabaseError`s, which SQLite reports as the failing statement's error.
enum FunctionArguments {
    /// An error for `function`, reported by SQLite as `function: message`.
    static func error(_ function: String, _ message: String) -> DatabaseError {
        DatabaseError(resultCode: .SQLITE_ERROR, message: "\(function): \(message)")
    }

    /// A value as text the way SQLite's `||` and `cast(… as text)` render it; nil for NULL.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: return nil
        case .int64(let i): return String(i)
        case .double(let d): return sqliteText(d)
        case .string(let s): return s
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        }
    }

    /// A double as SQLite prints it (`%!.15g`: `2.0`, `0.1`, `1.0e+20`).
    static func sqliteText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "Inf" }
        var s = String(format: "%.15g", d)
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            if !s[..<e].contains(".") { s.insert(contentsOf: ".0", at: e) }
        } else if !s.contains(".") {
            s += ".0"
        }
        return s
    }

    /// An integer argument (an integer, an integral real, or text holding one).
    static func int(_ value: DatabaseValue, _ function: String, _ name: String) throws -> Int? {
        switch value.storage {
        case .null: return nil
        case .int64(let i): return Int(i)
        case .double(let d) where d == d.rounded() && abs(d) < 9e18: return Int(d)
        case .string(let s):
            if let i = Int(s.trimmingCharacters(in: .whitespaces)) { return i }
        default: break
        }
        throw error(function, "\(name) must be an integer, got \(text(value) ?? "NULL")")
    }

    /// A numeric argument (a number, or text holding one).
    static func double(_ value: DatabaseValue, _ function: String) throws -> Double? {
        switch value.storage {
        case .null: return nil
        case .int64(let i): return Double(i)
        case .double(let d): return d
        case .string(let s):
            if let d = Double(s.trimmingCharacters(in: .whitespaces)) { return d }
        default: break
        }
        throw error(function, "expected a number, got '\(text(value) ?? "")'")
    }

    /// A boolean argument, as PostgreSQL reads booleans (`1`/`0`, `t`/`f`, `true`/`false`,
    /// `yes`/`no`, `on`/`off`).
    static func bool(_ value: DatabaseValue, _ function: String) throws -> Bool? {
        switch value.storage {
        case .null: return nil
        case .int64(let i): return i != 0
        case .double(let d): return d != 0
        default:
            let s = (text(value) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            if ["t", "true", "y", "yes", "on", "1"].contains(s) { return true }
            if ["f", "false", "n", "no", "off", "0"].contains(s) { return false }
            throw error(function, "expected a boolean, got '\(s)'")
        }
    }

    /// Orders two non-null values as SQLite does: numbers (compared as numbers) before text
    /// (compared byte-wise) before blobs.
    static func less(_ a: DatabaseValue, _ b: DatabaseValue) -> Bool {
        func rank(_ v: DatabaseValue) -> Int {
            switch v.storage {
            case .null: 0
            case .int64, .double: 1
            case .string: 2
            case .blob: 3
            }
        }
        let (ra, rb) = (rank(a), rank(b))
        if ra != rb { return ra < rb }
        switch (a.storage, b.storage) {
        case let (.int64(x), .int64(y)): return x < y
        case let (.int64(x), .double(y)): return Double(x) < y
        case let (.double(x), .int64(y)): return x < Double(y)
        case let (.double(x), .double(y)): return x < y
        case let (.string(x), .string(y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case let (.blob(x), .blob(y)): return x.lexicographicallyPrecedes(y)
        default: return false
        }
    }
}
