/// Finds `{% docs %}` blocks in markdown text without rendering it: the blocks are data, and
/// markdown around them is ignored, as dbt ignores it.
package enum DocsBlockScanner {
    /// Scans `text` of `file`.
    ///
    /// - Throws: `.invalidValue` for a `docs` tag without a name, a nested or unclosed block.
    package static func scan(_ text: String, file: String, packageName: String) throws(ProjectError) -> [DocsBlock] {
        let bytes = Array(text.utf8)
        var blocks: [DocsBlock] = []
        var open: (name: String, bodyStart: Int, location: SourceLocation)?
        var i = 0
        var line = 1
        var lineStart = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
                i += 1
                continue
            }
            guard b == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "%") else {
                i += 1
                continue
            }
            let tagStart = i
            guard let tagEnd = find(bytes, "%}", from: i + 2) else { break }
            var inner = String(decoding: bytes[(i + 2)..<tagEnd], as: UTF8.self)
            if inner.hasPrefix("-") { inner.removeFirst() }
            if inner.hasSuffix("-") { inner.removeLast() }
            let words = inner.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            let location = SourceLocation(file: file, line: line, column: tagStart - lineStart + 1)
            if words.first == "docs" {
                guard words.count == 2 else {
                    throw ProjectError(.invalidValue, "a docs block needs exactly one name: {% docs name %}", at: location)
                }
                if open != nil {
                    throw ProjectError(.invalidValue, "docs blocks cannot be nested", at: location)
                }
                open = (String(words[1]), tagEnd + 2, location)
            } else if words.first == "enddocs", let current = open {
                let body = String(decoding: bytes[current.bodyStart..<tagStart], as: UTF8.self)
                blocks.append(DocsBlock(
                    name: current.name, contents: trim(body), packageName: packageName,
                    originalFilePath: file, location: current.location))
                open = nil
            }
            // Count newlines inside the tag itself.
            for j in i..<(tagEnd + 2) where bytes[j] == UInt8(ascii: "\n") {
                line += 1
                lineStart = j + 1
            }
            i = tagEnd + 2
        }
        if let open {
            throw ProjectError(.invalidValue, "docs block '\(open.name)' is never closed with {% enddocs %}", at: open.location)
        }
        return blocks
    }

    private static func find(_ bytes: [UInt8], _ needle: StaticString, from start: Int) -> Int? {
        let a = needle.utf8Start[0]
        let b = needle.utf8Start[1]
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == a, bytes[i + 1] == b { return i }
            i += 1
        }
        return nil
    }

    private static func trim(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f.isWhitespace { sub.removeFirst() }
        while let l = sub.last, l.isWhitespace { sub.removeLast() }
        return String(sub)
    }
}
