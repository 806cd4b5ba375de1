import Foundation
import Jinja

/// A Python regular expression compiled for `NSRegularExpression` (ICU): the pattern translated
/// from Python's syntax, its flags, and its capture groups by number and name.
///
/// Translated: `(?P<name>…)` → `(?<name>…)`, `(?P=name)` → `\k<name>`, `\Z` → `\z`, and a `[`
/// inside a character class is escaped (ICU would read it as a nested set).
final class PythonRegex: @unchecked Sendable {
    /// Python's flag values.
    static let ignoreCase = 2, multiline = 8, dotAll = 16, unicode = 32, verbose = 64, ascii = 256

    let pattern: String
    let flags: Int
    let regex: NSRegularExpression
    /// The pattern wrapped as `(?:…)\z`, for `fullmatch`.
    let fullRegex: NSRegularExpression
    let groupCount: Int
    /// Group names in the order written, with their numbers.
    let groupNames: [(name: String, index: Int)]

    private nonisolated(unsafe) static var cache: [String: PythonRegex] = [:]
    private static let cacheLock = NSLock()

    /// The compiled form of `pattern` with `flags`, from a small cache.
    static func compile(_ pattern: String, flags: Int) throws -> PythonRegex {
        let key = "\(flags)\u{0}\(pattern)"
        cacheLock.lock()
        if let hit = cache[key] {
            cacheLock.unlock()
            return hit
        }
        cacheLock.unlock()
        let compiled = try PythonRegex(pattern, flags: flags)
        cacheLock.lock()
        if cache.count > 512 { cache.removeAll() }
        cache[key] = compiled
        cacheLock.unlock()
        return compiled
    }

    private init(_ pattern: String, flags: Int) throws {
        self.pattern = pattern
        self.flags = flags | PythonRegex.unicode
        let (translated, count, names) = try PythonRegex.translate(pattern)
        var options: NSRegularExpression.Options = []
        if flags & PythonRegex.ignoreCase != 0 { options.insert(.caseInsensitive) }
        if flags & PythonRegex.multiline != 0 { options.insert(.anchorsMatchLines) }
        if flags & PythonRegex.dotAll != 0 { options.insert(.dotMatchesLineSeparators) }
        if flags & PythonRegex.verbose != 0 { options.insert(.allowCommentsAndWhitespace) }
        do {
            regex = try NSRegularExpression(pattern: translated, options: options)
            fullRegex = try NSRegularExpression(pattern: "(?:" + translated + ")\\z", options: options)
        } catch {
            throw JinjaError(.value, "re.error: invalid regular expression \(Value.string(pattern).pythonRepr)")
        }
        groupCount = count
        groupNames = names
    }

    /// Python pattern syntax to ICU, counting capture groups on the way.
    static func translate(_ pattern: String) throws -> (String, Int, [(name: String, index: Int)]) {
        let chars = Array(pattern)
        var out = ""
        var i = 0
        var inClass = false
        var count = 0
        var names: [(name: String, index: Int)] = []
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                guard i + 1 < chars.count else { throw JinjaError(.value, "re.error: bad escape (end of pattern)") }
                let next = chars[i + 1]
                out += next == "Z" && !inClass ? "\\z" : "\\" + String(next)
                i += 2
                continue
            }
            if inClass {
                if c == "]" && !(out.hasSuffix("[") || out.hasSuffix("[^")) { inClass = false }
                out += c == "[" ? "\\[" : String(c)
                i += 1
                continue
            }
            switch c {
            case "[":
                inClass = true
                out.append(c)
                if i + 1 < chars.count, chars[i + 1] == "^" {
                    out.append("^")
                    i += 1
                }
                if i + 1 < chars.count, chars[i + 1] == "]" {
                    out += "\\]"
                    i += 1
                }
                i += 1
            case "(":
                if i + 1 < chars.count, chars[i + 1] == "?" {
                    let rest = String(chars[(i + 2)...])
                    if rest.hasPrefix("P<") || (rest.hasPrefix("<") && !rest.hasPrefix("<=") && !rest.hasPrefix("<!")) {
                        let start = rest.hasPrefix("P<") ? 2 : 1
                        guard let close = rest.firstIndex(of: ">") else { throw JinjaError(.value, "re.error: missing >") }
                        let name = String(rest[rest.index(rest.startIndex, offsetBy: start)..<close])
                        count += 1
                        names.append((name, count))
                        out += "(?<\(name)>"
                        i += 2 + rest.distance(from: rest.startIndex, to: close) + 1
                        continue
                    }
                    if rest.hasPrefix("P=") {
                        guard let close = rest.firstIndex(of: ")") else { throw JinjaError(.value, "re.error: missing )") }
                        let name = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])
                        out += "\\k<\(name)>"
                        i += 2 + rest.distance(from: rest.startIndex, to: close) + 1
                        continue
                    }
                    out += "(?"
                    i += 2
                } else {
                    count += 1
                    out.append(c)
                    i += 1
                }
            default:
                out.append(c)
                i += 1
            }
        }
        return (out, count, names)
    }

    /// The group number of `key` (an int, or a name); nil when there is no such group.
    func groupIndex(_ key: Value) -> Int? {
        if let i = key.intValue { return (0...groupCount).contains(i) ? i : nil }
        if case .string(let name) = key { return groupNames.first { $0.name == name }?.index }
        return nil
    }

    // MARK: - Matching

    /// The first match starting exactly at `pos` (`anchored`), anywhere after it, or spanning
    /// to the end (`full`).
    func firstMatch(in text: PythonText, from pos: Int = 0, mode: MatchMode) -> RegexMatchValue? {
        let start = text.utf16Offset(ofScalar: pos)
        let range = NSRange(location: start, length: text.ns.length - start)
        let result: NSTextCheckingResult?
        switch mode {
        case .search: result = regex.firstMatch(in: text.string, options: [], range: range)
        case .anchored: result = regex.firstMatch(in: text.string, options: [.anchored], range: range)
        case .full: result = fullRegex.firstMatch(in: text.string, options: [.anchored], range: range)
        }
        return result.map { RegexMatchValue(regex: self, text: text, result: $0, pos: pos) }
    }

    /// Every non-overlapping match, in order.
    func allMatches(in text: PythonText) -> [RegexMatchValue] {
        regex.matches(in: text.string, options: [], range: NSRange(location: 0, length: text.ns.length))
            .map { RegexMatchValue(regex: self, text: text, result: $0, pos: 0) }
    }

    enum MatchMode { case search, anchored, full }
}

/// A string being matched, with the UTF-16 ↔ code point conversions Python positions need.
final class PythonText: @unchecked Sendable {
    let string: String
    let ns: NSString
    private let scalarStartsInUTF16: [Int]

    init(_ string: String) {
        self.string = string
        self.ns = string as NSString
        var offsets: [Int] = []
        offsets.reserveCapacity(string.unicodeScalars.count + 1)
        var offset = 0
        for scalar in string.unicodeScalars {
            offsets.append(offset)
            offset += scalar.utf16.count
        }
        offsets.append(offset)
        scalarStartsInUTF16 = offsets
    }

    /// The UTF-16 offset of code point `index` (clamped to the string).
    func utf16Offset(ofScalar index: Int) -> Int {
        scalarStartsInUTF16[max(0, min(index, scalarStartsInUTF16.count - 1))]
    }

    /// The code point index of UTF-16 offset `offset`.
    func scalarIndex(ofUTF16 offset: Int) -> Int {
        var low = 0, high = scalarStartsInUTF16.count - 1
        while low < high {
            let mid = (low + high) / 2
            if scalarStartsInUTF16[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func substring(_ range: NSRange) -> String { ns.substring(with: range) }
}
