import Foundation
import Project

/// Resolves `{{ doc('name') }}` in descriptions as dbt does at parse time: the call is replaced
/// by the block's text, and the block's unique id is listed in `doc_blocks`.
struct DocReferences: Sendable {
    private let blocks: [String: [DocsBlock]]

    init(_ docs: [DocsBlock]) {
        var byName: [String: [DocsBlock]] = [:]
        for d in docs { byName[d.name, default: []].append(d) }
        blocks = byName
    }

    /// The description with every `{{ doc(...) }}` expression replaced, and the ids it used.
    func render(_ text: String, package: String) -> (text: String, docBlocks: [String]) {
        guard DocReferences.mayCallDoc(text) else { return (text, []) }
        var out = ""
        var ids: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let expression = rest[open.upperBound..<close.lowerBound]
            out += rest[..<open.lowerBound]
            if let block = lookup(expression, package: package) {
                out += block.contents
                if !ids.contains(block.uniqueID) { ids.append(block.uniqueID) }
            } else {
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        out += rest
        return (out, ids)
    }

    /// Whether `text` contains `{{` (a byte scan: most descriptions have no Jinja at all).
    private static func mayCallDoc(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b == UInt8(ascii: "{"), previous == UInt8(ascii: "{") { return true }
            previous = b
        }
        return false
    }

    /// The block a `doc('name')` or `doc('package', 'name')` expression names.
    private func lookup(_ expression: Substring, package: String) -> DocsBlock? {
        let trimmed = expression.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("doc("), trimmed.hasSuffix(")") else { return nil }
        let args = trimmed.dropFirst(4).dropLast().split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        }
        let candidates: [DocsBlock]
        switch args.count {
        case 1: candidates = blocks[args[0]] ?? []
        case 2: candidates = (blocks[args[1]] ?? []).filter { $0.packageName == args[0] }
        default: return nil
        }
        return candidates.first { $0.packageName == package } ?? candidates.first
    }
}
