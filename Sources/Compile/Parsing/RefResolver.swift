import Project

/// Resolves `ref()` and `source()` calls to unique ids as dbt does: a named package searches
/// only that package; otherwise the root project, then the node's own package, then any
/// package. Missing targets fail with the closest names.
struct RefResolver {
    private var byName: [String: [ManifestNode]] = [:]
    private var disabledByName: [String: [ManifestNode]] = [:]
    private var sourcesByName: [String: [SourceNode]] = [:]
    private let rootPackage: String
    private let allNames: [String]
    private let allSources: [String]

    init(nodes: [ManifestNode], disabled: [ManifestNode], sources: [SourceNode], rootPackage: String) {
        for n in nodes where [.model, .seed, .snapshot].contains(n.resourceType) { byName[n.name, default: []].append(n) }
        for n in disabled where [.model, .seed, .snapshot].contains(n.resourceType) { disabledByName[n.name, default: []].append(n) }
        for s in sources { sourcesByName["\(s.sourceName).\(s.name)", default: []].append(s) }
        self.rootPackage = rootPackage
        allNames = Array(byName.keys)
        allSources = Array(sourcesByName.keys)
    }

    func resolveNode(_ ref: RefCall, from node: ManifestNode) -> ManifestNode? {
        guard let candidates = byName[ref.name] else { return nil }
        if let package = ref.package { return candidates.first { $0.packageName == package } }
        for package in [rootPackage, node.packageName] {
            if let hit = candidates.first(where: { $0.packageName == package }) { return hit }
        }
        return candidates.first
    }

    func resolve(_ ref: RefCall, from node: ManifestNode) throws -> String {
        if let target = resolveNode(ref, from: node) { return target.uniqueID }
        if disabledByName[ref.name] != nil {
            throw CompileError(.missingRef, "\(describe(node)) depends on a node named '\(ref.display)' which is disabled",
                               file: node.displayPath, line: node.line)
        }
        var message = "\(describe(node)) depends on a node named '\(ref.display)' which was not found"
        let close = Suggestions.closest(to: ref.name, among: allNames)
        if !close.isEmpty { message += ". Did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?" }
        throw CompileError(.missingRef, message, file: node.displayPath, line: node.line)
    }

    func resolveSource(_ source: String, _ table: String, from node: ManifestNode) throws -> String {
        if let hit = sourcesByName["\(source).\(table)"]?.first { return hit.uniqueID }
        var message = "\(describe(node)) depends on a source named '\(source).\(table)' which was not found"
        let close = Suggestions.closest(to: "\(source).\(table)", among: allSources)
        if !close.isEmpty { message += ". Did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?" }
        throw CompileError(.missingSource, message, file: node.displayPath, line: node.line)
    }

    private func describe(_ node: ManifestNode) -> String {
        "\(node.resourceType.rawValue.capitalized) '\(node.uniqueID)' (\(node.originalFilePath))"
    }
}

/// "Did you mean" candidates by edit distance.
enum Suggestions {
    static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let threshold = max(2, word.count / 3)
        let lowered = word.lowercased()
        var scored: [(name: String, score: Int)] = []
        for c in candidates {
            let d = distance(lowered, c.lowercased())
            if d <= threshold { scored.append((c, d)) }
        }
        scored.sort { a, b in a.score != b.score ? a.score < b.score : a.name < b.name }
        return scored.prefix(limit).map { $0.name }
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
