import Jinja
import Project

/// One `ref()` call: `ref('name')`, `ref('package', 'name')`, `ref('name', v=2)`.
public struct RefCall: Sendable, Hashable {
    public var package: String?
    public var name: String
    public var version: String?

    /// Reads the arguments of a `ref` call as dbt accepts them.
    init(_ args: Arguments) throws {
        let b = try args.bind("ref", ["package_or_name", "name", "version", "v"], required: 1)
        if let second = b[1] {
            package = b[0]!.pythonString
            name = second.pythonString
        } else {
            name = b[0]!.pythonString
        }
        if let v = b[2] ?? b[3], !v.isNone { version = v.pythonString }
        guard !name.isEmpty else { throw CompilationError("ref() needs a model name") }
    }

    public init(package: String?, name: String, version: String? = nil) {
        self.package = package
        self.name = name
        self.version = version
    }

    /// dbt's manifest form: `{"name": …, "package": …, "version": …}`.
    public var display: String { package.map { "\($0).\(name)" } ?? name }
}

/// What a parse-time render records: the refs, sources and `config()` calls of a node.
///
/// Parsing renders each node once with `execute = false`; the functions in its context write
/// here instead of resolving anything.
final class ParseCapture: @unchecked Sendable {
    var refs: [RefCall] = []
    var sources: [[String]] = []
    var configCalls: [ConfigMap] = []
    private var refSet = Set<RefCall>()
    private var sourceSet = Set<[String]>()

    func record(_ ref: RefCall) {
        if refSet.insert(ref).inserted { refs.append(ref) }
    }

    func record(source: String, table: String) {
        let pair = [source, table]
        if sourceSet.insert(pair).inserted { sources.append(pair) }
    }
}
