import Foundation

/// Python `str` algorithms, on Unicode scalars as Python counts characters.
enum TextUtilities {
    static func isPythonSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09...0x0d, 0x1c...0x20, 0x85, 0xa0, 0x1680, 0x2000...0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
            return true
        default: return false
        }
    }

    static func strip(_ s: String, chars: String?, leading: Bool, trailing: Bool) -> String {
        let set = chars.map { Set($0.unicodeScalars) }
        func strippable(_ u: Unicode.Scalar) -> Bool { set.map { $0.contains(u) } ?? isPythonSpace(u) }
        let scalars = s.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        if leading { while start < end, strippable(scalars[start]) { start = scalars.index(after: start) } }
        if trailing {
            while end > start {
                let before = scalars.index(before: end)
                guard strippable(scalars[before]) else { break }
                end = before
            }
        }
        return String(scalars[start..<end])
    }

    /// `str.split(sep, maxsplit)`; a nil separator splits on runs of whitespace.
    static func split(_ s: String, separator: String?, maxSplit: Int) -> [String] {
        guard let separator else {
            var parts: [String] = []
            var current = String.UnicodeScalarView()
            var inWord = false
            var scalars = s.unicodeScalars[...]
            while let u = scalars.first {
                if isPythonSpace(u) {
                    if inWord {
                        parts.append(String(current))
                        current = String.UnicodeScalarView()
                        inWord = false
                        if maxSplit >= 0 && parts.count >= maxSplit {
                            let rest = String(scalars.drop(while: isPythonSpace))
                            if !rest.isEmpty { parts.append(rest) }
                            return parts
                        }
                    }
                } else {
                    current.append(u)
                    inWord = true
                }
                scalars = scalars.dropFirst()
            }
            if inWord { parts.append(String(current)) }
            return parts
        }
        let bytes = Array(s.utf8)
        var parts: [String] = []
        var position = 0
        for m in byteMatches(of: separator, in: bytes, limit: maxSplit) {
            parts.append(String(decoding: bytes[position..<m], as: UTF8.self))
            position = m + separator.utf8.count
        }
        parts.append(String(decoding: bytes[position...], as: UTF8.self))
        return parts
    }

    static func rsplit(_ s: String, separator: String?, maxSplit: Int) -> [String] {
        if maxSplit < 0 { return split(s, separator: separator, maxSplit: -1) }
        let reversedParts = split(String(String.UnicodeScalarView(s.unicodeScalars.reversed())),
                                  separator: separator.map { String(String.UnicodeScalarView($0.unicodeScalars.reversed())) },
                                  maxSplit: maxSplit)
        return reversedParts.reversed().map { String(String.UnicodeScalarView($0.unicodeScalars.reversed())) }
    }

    static func replace(_ s: String, _ old: String, _ new: String, count: Int) -> String {
        if count == 0 { return s }
        if old.isEmpty {
            var out = ""
            var n = 0
            for u in s.unicodeScalars {
                if count < 0 || n < count {
                    out += new
                    n += 1
                }
                out.unicodeScalars.append(u)
            }
            if count < 0 || n < count { out += new }
            return out
        }
        let bytes = Array(s.utf8)
        let matches = byteMatches(of: old, in: bytes, limit: count)
        if matches.isEmpty { return s }
        let oldLength = old.utf8.count
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + matches.count * (new.utf8.count - oldLength))
        var position = 0
        for m in matches {
            out.append(contentsOf: bytes[position..<m])
            out.append(contentsOf: new.utf8)
            position = m + oldLength
        }
        out.append(contentsOf: bytes[position...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte offsets of the non-overlapping occurrences of `needle` in `bytes`, left to right, at
    /// most `limit` of them (all when negative). Python matches code points literally; on valid
    /// UTF-8 a byte match always starts and ends on a code point boundary, so this is the same.
    /// (Foundation's `range(of:)` is both slower and not literal.)
    static func byteMatches(of needle: String, in bytes: [UInt8], limit: Int = -1) -> [Int] {
        let n = Array(needle.utf8), h = bytes
        var result: [Int] = []
        guard let first = n.first, n.count <= h.count else { return result }
        let last = h.count - n.count
        var i = 0
        while i <= last, limit < 0 || result.count < limit {
            if h[i] == first {
                var k = 1
                while k < n.count, h[i + k] == n[k] { k += 1 }
                if k == n.count {
                    result.append(i)
                    i += n.count
                    continue
                }
            }
            i += 1
        }
        return result
    }

    /// Whether `needle` occurs in `s` (literal code points, as Python's `in`).
    static func contains(_ s: String, _ needle: String) -> Bool {
        needle.isEmpty || !byteMatches(of: needle, in: Array(s.utf8), limit: 1).isEmpty
    }

    /// Python's clamping of `start`/`end` arguments.
    static func sliceBounds(_ count: Int, _ start: Int?, _ end: Int?) -> (Int, Int) {
        func clamp(_ v: Int) -> Int { v < 0 ? max(0, count + v) : min(v, count) }
        return (start.map(clamp) ?? 0, end.map(clamp) ?? count)
    }

    static func occurrences(of sub: String, in s: String) -> Int {
        byteMatches(of: sub, in: Array(s.utf8)).count
    }

    static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from lo: Int, to hi: Int, reverse: Bool) -> Int {
        guard lo <= hi, needle.count <= hi - lo else { return -1 }
        let positions = Array(lo...(hi - needle.count))
        for start in reverse ? positions.reversed() : positions {
            var match = true
            for k in 0..<needle.count where hay[start + k] != needle[k] {
                match = false
                break
            }
            if match { return start }
        }
        return -1
    }

    /// Python's `str.title()`: a cased letter after an uncased one starts a word.
    static func pythonTitle(_ s: String) -> String {
        var out = ""
        var previousCased = false
        for c in s {
            if previousCased { out += c.lowercased() } else { out += c.uppercased() }
            previousCased = c.isCased
        }
        return out
    }

    /// Python's `str.capitalize()`.
    static func capitalize(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst().lowercased()
    }
}

extension Character {
    /// Python's notion of a cased character (has an upper or lower case form).
    var isCased: Bool { isUppercase || isLowercase || (isLetter && uppercased() != lowercased()) }
}

/// Sorting with Python's ordering; incomparable values raise `TypeError` as in Python.
enum Sorting {
    static func sorted(_ items: [Value], reverse: Bool, key: (Value) throws -> Value) throws -> [Value] {
        let keys = try items.map { try key($0) }
        var failure: JinjaError?
        // A stable sort: Python's sort is stable, also when reversed. It moves indices, not
        // (key, value) pairs, whose copies cost retains and releases: 250,000 items took 2.3 s.
        var order = Array(keys.indices)
        order.sort { a, b in
            let (x, y) = reverse ? (keys[b], keys[a]) : (keys[a], keys[b])
            if let less = Value.pythonLess(x, y) {
                if less { return true }
                if let greater = Value.pythonLess(y, x), greater { return false }
                return a < b
            }
            failure = JinjaError(.type, "'<' not supported between instances of '\(x.typeName)' and '\(y.typeName)'")
            return a < b
        }
        if let failure { throw failure }
        return order.map { items[$0] }
    }
}
