import Foundation
import GRDB

/// PostgreSQL's regular-expression functions and SQLite's `REGEXP` operator, on ICU regular
/// expressions (`NSRegularExpression`).
///
/// ICU's syntax is close to PostgreSQL's advanced regular expressions for everyday patterns
/// (classes, `\d \w \s`, quantifiers, groups, anchors, lookahead). PostgreSQL's own
/// escapes `\m \M \y` (word boundaries) are not supported; use `\b`. As in PostgreSQL, `.`
/// matches a newline and `^`/`$` anchor the whole string unless the `n` flag is given.
///
/// Flags: `g` (every match, `regexp_replace` only), `i` (case-insensitive), `c`
/// (case-sensitive), `n`/`m` (newline-sensitive), `s` (not newline-sensitive), `x` (expanded
/// syntax), `q` (the pattern is a literal string).
extension DatabaseFunction {
    /// `regexp(pattern, string)`: what `string REGEXP pattern` calls; 1 when the pattern
    /// matches anywhere in the string.
    static let regexp = DatabaseFunction("regexp", argumentCount: 2, pure: true) { args in
        guard let pattern = FunctionArguments.text(args[0]), let s = FunctionArguments.text(args[1]) else { return nil }
        let regex = try RegexCache.shared.regex(pattern, flags: "", "regexp")
        let ns = s as NSString
        return regex.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) != nil ? 1 : 0
    }

    /// `regexp_replace(s, pattern, replacement [, flags])`: PostgreSQL's, replacing the first
    /// match, or every match with the `g` flag. In `replacement`, `\1`…`\9` insert groups and
    /// `\&` the whole match. (Redshift's `REGEXP_REPLACE` replaces every match; pass `'g'`.)
    static let regexpReplace = DatabaseFunction("regexp_replace", pure: true) { args in
        guard (3...4).contains(args.count) else {
            throw FunctionArguments.error("regexp_replace", "takes 3 or 4 arguments, got \(args.count)")
        }
        guard let s = FunctionArguments.text(args[0]), let pattern = FunctionArguments.text(args[1]),
              let replacement = FunctionArguments.text(args[2]) else { return nil }
        let flags = args.count == 4 ? FunctionArguments.text(args[3]) ?? "" : ""
        let regex = try RegexCache.shared.regex(pattern, flags: flags, "regexp_replace")
        let ns = s as NSString
        let template = RegexFunctions.template(fromPostgres: replacement)
        var range = NSRange(location: 0, length: ns.length)
        if !flags.contains("g") {
            guard let match = regex.firstMatch(in: s, range: range) else { return s }
            range = match.range
            let replaced = regex.replacementString(for: match, in: s, offset: 0, template: template)
            return ns.replacingCharacters(in: range, with: replaced)
        }
        return regex.stringByReplacingMatches(in: s, range: range, withTemplate: template)
    }

    /// `regexp_substr(s, pattern [, start [, n [, flags [, group]]]])`: PostgreSQL 15's: the
    /// n-th match (or its group) at or after character `start`, or NULL when there is none.
    /// (Redshift returns `''` there.)
    static let regexpSubstr = DatabaseFunction("regexp_substr", pure: true) { args in
        guard (2...6).contains(args.count) else {
            throw FunctionArguments.error("regexp_substr", "takes 2 to 6 arguments, got \(args.count)")
        }
        guard let s = FunctionArguments.text(args[0]), let pattern = FunctionArguments.text(args[1]) else { return nil }
        let start = args.count > 2 ? try FunctionArguments.int(args[2], "regexp_substr", "start") ?? 1 : 1
        let n = args.count > 3 ? try FunctionArguments.int(args[3], "regexp_substr", "the occurrence") ?? 1 : 1
        let flags = args.count > 4 ? FunctionArguments.text(args[4]) ?? "" : ""
        let group = args.count > 5 ? try FunctionArguments.int(args[5], "regexp_substr", "the group") ?? 0 : 0
        guard start >= 1 else { throw FunctionArguments.error("regexp_substr", "invalid start \(start): must be 1 or more") }
        guard n >= 1 else { throw FunctionArguments.error("regexp_substr", "invalid occurrence \(n): must be 1 or more") }
        let regex = try RegexCache.shared.regex(pattern, flags: flags, "regexp_substr")
        let matches = RegexFunctions.matches(regex, in: s, from: start)
        guard matches.count >= n else { return nil }
        let match = matches[n - 1]
        guard group <= match.numberOfRanges - 1 else { return nil }
        let range = match.range(at: group)
        return range.location == NSNotFound ? nil : (s as NSString).substring(with: range)
    }

    /// `regexp_count(s, pattern [, start [, flags]])`: PostgreSQL 15's count of
    /// non-overlapping matches at or after character `start`.
    static let regexpCount = DatabaseFunction("regexp_count", pure: true) { args in
        guard (2...4).contains(args.count) else {
            throw FunctionArguments.error("regexp_count", "takes 2 to 4 arguments, got \(args.count)")
        }
        guard let s = FunctionArguments.text(args[0]), let pattern = FunctionArguments.text(args[1]) else { return nil }
        let start = args.count > 2 ? try FunctionArguments.int(args[2], "regexp_count", "start") ?? 1 : 1
        let flags = args.count > 3 ? FunctionArguments.text(args[3]) ?? "" : ""
        guard start >= 1 else { throw FunctionArguments.error("regexp_count", "invalid start \(start): must be 1 or more") }
        let regex = try RegexCache.shared.regex(pattern, flags: flags, "regexp_count")
        return RegexFunctions.matches(regex, in: s, from: start).count
    }
}

enum RegexFunctions {
    /// Matches at or after the 1-based character position `start`.
    static func matches(_ regex: NSRegularExpression, in s: String, from start: Int) -> [NSTextCheckingResult] {
        let scalars = s.unicodeScalars
        guard start - 1 <= scalars.count else { return [] }
        let prefix = scalars.prefix(start - 1)
        let offset = prefix.reduce(0) { $0 + ($1.value > 0xFFFF ? 2 : 1) }
        let length = (s as NSString).length
        return regex.matches(in: s, range: NSRange(location: offset, length: length - offset))
    }

    /// PostgreSQL's replacement text (`\1`, `\&`, `\\`) as an ICU template (`$1`, `$0`).
    static func template(fromPostgres replacement: String) -> String {
        var out = ""
        var chars = replacement.makeIterator()
        while let c = chars.next() {
            switch c {
            case "\\":
                guard let next = chars.next() else { out += "\\\\"; break }
                if next.isASCII, next.isNumber { out += "$\(next)" }
                else if next == "&" { out += "$0" }
                else if next == "\\" { out += "\\\\" }
                else { out += "\\\\" + (next == "$" ? "\\$" : String(next)) }
            case "$": out += "\\$"
            default: out.append(c)
            }
        }
        return out
    }
}

/// Compiled patterns, shared by every connection (NSRegularExpression is immutable and safe to
/// use from several threads).
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var cache: [String: NSRegularExpression] = [:]

    func regex(_ pattern: String, flags: String, _ function: String) throws -> NSRegularExpression {
        let key = flags + "\u{0}" + pattern
        lock.lock()
        if let regex = cache[key] { lock.unlock(); return regex }
        lock.unlock()
        var options: NSRegularExpression.Options = [.dotMatchesLineSeparators]
        for flag in flags {
            switch flag {
            case "g": break
            case "i": options.insert(.caseInsensitive)
            case "c": options.remove(.caseInsensitive)
            case "n", "m": options.remove(.dotMatchesLineSeparators); options.insert(.anchorsMatchLines)
            case "s": options.insert(.dotMatchesLineSeparators); options.remove(.anchorsMatchLines)
            case "x": options.insert(.allowCommentsAndWhitespace)
            case "q": options.insert(.ignoreMetacharacters)
            default: throw FunctionArguments.error(function, "invalid regular expression option: \"\(flag)\"")
            }
        }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            throw FunctionArguments.error(function, "invalid regular expression '\(pattern)'")
        }
        lock.lock()
        if cache.count > 1000 { cache.removeAll() }
        cache[key] = regex
        lock.unlock()
        return regex
    }
}
