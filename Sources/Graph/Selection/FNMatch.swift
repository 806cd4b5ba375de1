/// Python's `fnmatch.fnmatchcase`: `*` matches anything (including `/` and `.`), `?` one
/// character, `[abc]` / `[a-z]` / `[!abc]` a set; case-sensitive.
public struct FNMatch: Sendable {
    private enum Token: Sendable {
        case literal(Character)
        case any
        case star
        case set([ClosedRange<Character>], negated: Bool)
    }
    private let tokens: [Token]
    /// Whether the pattern has no wildcard, so matching is plain equality.
    public let isLiteral: Bool
    private let pattern: String

    /// Compiles a pattern.
    public init(_ pattern: String) {
        self.pattern = pattern
        var out: [Token] = []
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "*":
                if case .star? = out.last {} else { out.append(.star) }
            case "?":
                out.append(.any)
            case "[":
                var j = i + 1
                if j < chars.count, chars[j] == "!" { j += 1 }
                if j < chars.count, chars[j] == "]" { j += 1 }
                while j < chars.count, chars[j] != "]" { j += 1 }
                if j >= chars.count {
                    out.append(.literal("["))
                } else {
                    var k = i + 1
                    let negated = chars[k] == "!"
                    if negated { k += 1 }
                    var ranges: [ClosedRange<Character>] = []
                    while k < j {
                        if k + 2 < j, chars[k + 1] == "-", chars[k] <= chars[k + 2] {
                            ranges.append(chars[k]...chars[k + 2])
                            k += 3
                        } else {
                            ranges.append(chars[k]...chars[k])
                            k += 1
                        }
                    }
                    out.append(.set(ranges, negated: negated))
                    i = j
                }
            default:
                out.append(.literal(c))
            }
            i += 1
        }
        tokens = out
        isLiteral = out.allSatisfy { if case .literal = $0 { return true }; return false }
    }

    /// Whether `text` matches the whole pattern.
    public func matches(_ text: String) -> Bool {
        if isLiteral { return text == pattern }
        return match(Array(text), 0, 0)
    }

    private func match(_ s: [Character], _ si: Int, _ ti: Int) -> Bool {
        var si = si
        var ti = ti
        // Backtracking point for the last star: classic wildcard matching in linear-ish time.
        var starToken = -1
        var starText = 0
        while si < s.count {
            if ti < tokens.count {
                switch tokens[ti] {
                case .star:
                    starToken = ti
                    starText = si
                    ti += 1
                    continue
                case .any:
                    si += 1; ti += 1
                    continue
                case .literal(let c) where c == s[si]:
                    si += 1; ti += 1
                    continue
                case .set(let ranges, let negated) where ranges.contains(where: { $0.contains(s[si]) }) != negated:
                    si += 1; ti += 1
                    continue
                default:
                    break
                }
            }
            guard starToken >= 0 else { return false }
            ti = starToken + 1
            starText += 1
            si = starText
        }
        while ti < tokens.count, case .star = tokens[ti] { ti += 1 }
        return ti == tokens.count
    }

    /// Whether the pattern contains a wildcard character dbt recognises (`*`, `?`, `[`, `]`).
    public static func hasWildcard(_ s: String) -> Bool {
        s.contains("*") || s.contains("?") || s.contains("[") || s.contains("]")
    }
}
