import Foundation
import Jinja
import Testing

/// One case of the differential corpus (Tests/JinjaTests/Corpus): the context, the template and
/// what Python's jinja2 3.1 produced for it.
struct CorpusCase: CustomTestStringConvertible, Sendable {
    let name: String
    let context: String
    let template: String
    /// The exact output, or nil when jinja2 raised.
    let expected: String?
    let jinja2Error: String?

    var testDescription: String { name }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Corpus/cases")

    static let all: [CorpusCase] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.sorted().compactMap { file in
            let name = String(file.dropLast(4))
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            guard let split = text.range(of: "\n---\n") else { return nil }
            let out = FileManager.default.contents(atPath: directory.appendingPathComponent(name + ".out").path)
            let err = FileManager.default.contents(atPath: directory.appendingPathComponent(name + ".err").path)
            return CorpusCase(name: name, context: String(text[..<split.lowerBound]), template: String(text[split.upperBound...]),
                              expected: out.map { String(decoding: $0, as: UTF8.self) },
                              jinja2Error: err.map { String(decoding: $0, as: UTF8.self) })
        }
    }()

    func render() throws -> String {
        var env = Environment()
        if name.hasPrefix("strict_") { env.undefinedBehavior = .strict }
        guard case .dict(let d) = try Value.parseJSON(context) else { return "" }
        var vars: [String: Value] = [:]
        for (k, v) in d.items { vars[k.pythonString] = v }
        return try env.template(template, name: name).render(vars)
    }
}

@Suite("Differential corpus against Python jinja2")
struct CorpusTests {
    @Test("the corpus is present and large")
    func corpusIsLarge() {
        #expect(CorpusCase.all.count >= 300)
    }

    @Test("renders byte for byte like jinja2", arguments: CorpusCase.all)
    func rendersLikeJinja2(_ c: CorpusCase) throws {
        if let expected = c.expected {
            let output = try c.render()
            #expect(output == expected, "\(c.name)")
        } else {
            #expect(throws: JinjaError.self, "\(c.name) must fail as jinja2 did: \(c.jinja2Error ?? "")") {
                _ = try c.render()
            }
        }
    }
}
