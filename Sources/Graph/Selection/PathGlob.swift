/// A `path:` selector: a pathlib-style glob relative to the project root (`*` stays within one
/// folder, `**` crosses folders) that matches a file or any folder containing it.
struct PathGlob: Sendable {
    let segments: [String]

    init(_ pattern: String) {
        var p = Substring(pattern)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        segments = p.split(separator: "/").map(String.init)
    }

    /// The path itself or one of its parent folders matches.
    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        for end in stride(from: parts.count, through: 1, by: -1) where match(segments[...], parts[0..<end]) {
            return true
        }
        return false
    }

    /// The path itself matches (for the properties file of a node).
    func matchesExactly(_ path: String) -> Bool {
        match(segments[...], path.split(separator: "/").map(String.init)[...])
    }

    private func match(_ pattern: ArraySlice<String>, _ parts: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return parts.isEmpty }
        if first == "**" {
            for skip in 0...parts.count where match(pattern.dropFirst(), parts.dropFirst(skip)) { return true }
            return false
        }
        guard let head = parts.first, FNMatch(first).matches(head) else { return false }
        return match(pattern.dropFirst(), parts.dropFirst())
    }
}
