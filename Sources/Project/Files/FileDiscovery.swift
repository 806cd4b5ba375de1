import Dispatch
import Foundation

/// Finds a package's files under its resource paths and reads them in parallel.
package enum FileDiscovery {
    /// What a discovered path is.
    package enum Kind: Sendable {
        case resource(ResourceType, language: String, genericTest: Bool)
        case properties
        case docs

        var key: String {
            switch self {
            case .resource(let t, _, _): return t.rawValue + "|"
            case .properties: return "yml|"
            case .docs: return "md|"
            }
        }
    }

    /// A file found during the directory walk, before reading.
    package struct Candidate: Sendable {
        package var kind: Kind
        package var resourcePath: String
        package var relativeToResourcePath: String
        package var originalFilePath: String
        package var absolutePath: String
    }

    /// Walks the package's resource paths. Properties YAML is looked for under every resource path
    /// and docs under `docs-paths`, as dbt does; a file is listed once per kind.
    package static func candidates(for project: ProjectDefinition) -> [Candidate] {
        var out: [Candidate] = []
        var seen = Set<String>()
        var listings: [String: [String]] = [:]
        func walk(_ paths: [String], _ classify: (String, String) -> Kind?) {
            for path in paths {
                let resourcePath = normalize(path)
                let base = project.rootPath + "/" + resourcePath
                for rel in listFiles(base, cache: &listings) {
                    guard let dot = rel.lastIndex(of: "."), let kind = classify(rel, rel[rel.index(after: dot)...].lowercased())
                    else { continue }
                    let ofp = resourcePath.isEmpty ? rel : resourcePath + "/" + rel
                    guard seen.insert(kind.key + ofp).inserted else { continue }
                    out.append(Candidate(
                        kind: kind, resourcePath: resourcePath, relativeToResourcePath: rel,
                        originalFilePath: ofp, absolutePath: base + "/" + rel))
                }
            }
        }
        walk(project.modelPaths) { _, ext in
            ext == "sql" ? .resource(.model, language: "sql", genericTest: false)
                : ext == "py" ? .resource(.model, language: "python", genericTest: false) : nil
        }
        walk(project.seedPaths) { _, ext in ext == "csv" ? .resource(.seed, language: "csv", genericTest: false) : nil }
        walk(project.snapshotPaths) { _, ext in ext == "sql" ? .resource(.snapshot, language: "sql", genericTest: false) : nil }
        walk(project.testPaths) { rel, ext in
            guard ext == "sql" else { return nil }
            return .resource(.test, language: "sql", genericTest: rel.hasPrefix("generic/"))
        }
        walk(project.macroPaths) { _, ext in ext == "sql" ? .resource(.macro, language: "sql", genericTest: false) : nil }
        walk(project.analysisPaths) { _, ext in ext == "sql" ? .resource(.analysis, language: "sql", genericTest: false) : nil }
        walk(project.allSourcePaths) { _, ext in ext == "yml" || ext == "yaml" ? .properties : nil }
        walk(project.docsPaths) { _, ext in ext == "md" ? .docs : nil }
        return out
    }

    /// Files under `dir`, relative to it, sorted; each directory is listed once per discovery
    /// even when several path lists name it.
    static func listFiles(_ dir: String, cache: inout [String: [String]]) -> [String] {
        if let hit = cache[dir] { return hit }
        let files = DirectoryWalker.files(under: dir)
        cache[dir] = files
        return files
    }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for p in path.split(separator: "/") where p != "." && !p.isEmpty { parts.append(p) }
        return parts.joined(separator: "/")
    }

    /// Runs `body` for every index on all cores and collects the results in order.
    package static func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let box = ResultBox<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in box.set(i, body(i)) }
        return box.values.map { $0! }
    }
}

/// Slots written by exactly one `concurrentPerform` iteration each, read after all finish.
private final class ResultBox<T>: @unchecked Sendable {
    var values: [T?]
    init(_ count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) {
        values.withUnsafeMutableBufferPointer { $0[i] = value }
    }
}
