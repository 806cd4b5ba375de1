import Foundation
import GRDB

/// PostgreSQL's string functions. Lengths and positions count characters (Unicode scalars),
/// as PostgreSQL counts them in UTF-8 databases.
///
/// `left` and `right` are keywords of SQLite's grammar (`LEFT JOIN`), so `left('abc', 2)` is a
/// syntax error there; call them quoted, `"left"('abc', 2)` and `"right"('abc', 2)`, which is
/// what ingot's SQLite macros emit.
extension DatabaseFunction {
    /// `split_part(s, delimiter, n)`: the n-th field (1-based); a negative n counts from the
    /// end (PostgreSQL 14+); out of range gives `''`; n = 0 is an error.
    static let splitPart = DatabaseFunction("split_part", argumentCount: 3, pure: true) { args in
        guard let s = FunctionArguments.text(args[0]), let delimiter = FunctionArguments.text(args[1]),
              let n = try FunctionArguments.int(args[2], "split_part", "the field position") else { return nil }
        guard n != 0 else { throw FunctionArguments.error("split_part", "field position must not be zero") }
        let fields = delimiter.isEmpty ? [s] : s.components(separatedBy: delimiter)
        let index = n > 0 ? n - 1 : fields.count + n
        return fields.indices.contains(index) ? fields[index] : ""
    }

    /// `concat(a, b, …)`: NULLs count as empty, so the result is never NULL.
    static let concat = DatabaseFunction("concat", pure: true) { args in
        args.reduce(into: "") { $0 += FunctionArguments.text($1) ?? "" }
    }

    /// `concat_ws(separator, a, b, …)`: NULL arguments are skipped; a NULL separator gives NULL.
    static let concatWS = DatabaseFunction("concat_ws", pure: true) { args in
        guard let separator = args.first.flatMap(FunctionArguments.text) else {
            if args.isEmpty { throw FunctionArguments.error("concat_ws", "needs a separator") }
            return nil
        }
        return args.dropFirst().compactMap(FunctionArguments.text).joined(separator: separator)
    }

    /// `left(s, n)`: the first n characters; a negative n drops the last |n|.
    static let left = DatabaseFunction("left", argumentCount: 2, pure: true) { args in
        guard let s = FunctionArguments.text(args[0]), let n = try FunctionArguments.int(args[1], "left", "n") else { return nil }
        let scalars = Array(s.unicodeScalars)
        let count = n >= 0 ? min(n, scalars.count) : max(0, scalars.count + n)
        return StringFunctions.string(scalars[0..<count])
    }

    /// `right(s, n)`: the last n characters; a negative n drops the first |n|.
    static let right = DatabaseFunction("right", argumentCount: 2, pure: true) { args in
        guard let s = FunctionArguments.text(args[0]), let n = try FunctionArguments.int(args[1], "right", "n") else { return nil }
        let scalars = Array(s.unicodeScalars)
        let count = n >= 0 ? min(n, scalars.count) : max(0, scalars.count + n)
        return StringFunctions.string(scalars[(scalars.count - count)...])
    }

    /// `lpad(s, length [, fill])`: fills on the left with `fill` (a space by default) up to
    /// `length`, or truncates to it.
    static let lpad = DatabaseFunction("lpad", pure: true) { args in
        try StringFunctions.pad(args, left: true)
    }

    /// `rpad(s, length [, fill])`: fills on the right, or truncates.
    static let rpad = DatabaseFunction("rpad", pure: true) { args in
        try StringFunctions.pad(args, left: false)
    }
}

enum StringFunctions {
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    static func pad(_ args: [DatabaseValue], left: Bool) throws -> String? {
        let name = left ? "lpad" : "rpad"
        guard args.count == 2 || args.count == 3 else {
            throw FunctionArguments.error(name, "takes 2 or 3 arguments, got \(args.count)")
        }
        guard let s = FunctionArguments.text(args[0]),
              let length = try FunctionArguments.int(args[1], name, "the length") else { return nil }
        let fill: String
        if args.count == 3 {
            guard let f = FunctionArguments.text(args[2]) else { return nil }
            fill = f
        } else {
            fill = " "
        }
        let scalars = Array(s.unicodeScalars)
        if length <= 0 { return "" }
        if scalars.count >= length { return string(scalars[0..<length]) }
        let fillScalars = Array(fill.unicodeScalars)
        if fillScalars.isEmpty { return s }
        let missing = length - scalars.count
        let padding = (0..<missing).map { fillScalars[$0 % fillScalars.count] }
        return left ? string(padding + scalars) : string(scalars + padding)
    }
}
