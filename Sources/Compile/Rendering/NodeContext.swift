import Foundation
import Jinja
import Project

/// Where a relation lives: what `ref()`, `source()` and `this` render as.
public struct RelationName: Sendable, Hashable {
    public var database: String?
    public var schema: String?
    public var identifier: String
    /// `table`, `view`, `cte` (ephemeral models), …
    public var type: String?

    public init(database: String?, schema: String?, identifier: String, type: String? = nil) {
        self.database = database
        self.schema = schema
        self.identifier = identifier
        self.type = type
    }
}

/// What a node's template can see, for the parse render (`execute = false`, recording calls) or
/// the compile render (`execute = true`, resolving them).
struct NodeContext {
    /// The node being rendered.
    struct Subject {
        var uniqueID: String
        var name: String
        var packageName: String
        var resourceType: String
        var originalFilePath: String
        var relation: RelationName
        var config: ConfigMap
        var modelValue: Value?
        /// For generic tests: the arguments, rendered into `_dbt_generic_test_kwargs`.
        var testKwargs: ConfigMap? = nil
    }

    enum Mode {
        case parse(ParseCapture)
        case compile(CompileResolution)
    }

    let session: CompileSession
    let subject: Subject
    let mode: Mode

    var isParsing: Bool {
        if case .parse = mode { return true }
        return false
    }

    /// The scope the node's template renders in, and the package scopes above it.
    func makeScopes() -> RenderScopes {
        let context = Scope(parent: session.baseScope(isParsing: isParsing))
        let scopes = RenderScopes(library: session.library, context: context)
        var v: [String: Value] = [:]
        v.reserveCapacity(16)
        v["execute"] = .bool(!isParsing)
        v["this"] = session.relationValue(subject.relation)
        v["model"] = subject.modelValue ?? .dict([
            "unique_id": .string(subject.uniqueID), "name": .string(subject.name),
            "package_name": .string(subject.packageName), "resource_type": .string(subject.resourceType),
            "original_file_path": .string(subject.originalFilePath),
            "config": ValueBridge.value(subject.config),
        ])
        let capture: ParseCapture?
        if case .parse(let c) = mode { capture = c } else { capture = nil }
        v["config"] = .object(ConfigObject(capture: capture, resolved: subject.config, nodeName: subject.uniqueID))
        let session = self.session
        let subject = self.subject
        switch mode {
        case .parse(let capture):
            v["ref"] = .callable(Function("ref") { args in
                capture.record(try RefCall(args))
                return session.relationValue(subject.relation)
            })
            v["source"] = .callable(Function("source") { args in
                let b = try args.bind("source", ["source_name", "table_name"], required: 2)
                capture.record(source: b[0]!.pythonString, table: b[1]!.pythonString)
                return session.relationValue(RelationName(database: nil, schema: b[0]!.pythonString, identifier: b[1]!.pythonString))
            })
            v["is_incremental"] = .callable(Function("is_incremental") { _ in .bool(false) })
        case .compile(let resolution):
            v["ref"] = .callable(Function("ref") { args in
                let call = try RefCall(args)
                return session.relationValue(try resolution.relation(for: call, from: subject))
            })
            v["source"] = .callable(Function("source") { args in
                let b = try args.bind("source", ["source_name", "table_name"], required: 2)
                return session.relationValue(try resolution.source(b[0]!.pythonString, b[1]!.pythonString, from: subject))
            })
            let incremental = resolution.isIncremental(subject)
            v["is_incremental"] = .callable(Function("is_incremental") { _ in .bool(incremental) })
        }
        v["var"] = .callable(Function("var") { args in
            let b = try args.bind("var", ["name", "default"], required: 1)
            let name = b[0]!.pythonString
            if let value = session.vars(forPackage: subject.packageName)[name] { return ValueBridge.value(value) }
            if let d = b[1] { return d }
            throw CompilationError("Required var '\(name)' not found in config:\nVars supplied to \(subject.name) = \(session.vars(forPackage: subject.packageName).displayJSON)")
        })
        v["builtins"] = .dict(["ref": v["ref"]!, "source": v["source"]!, "config": v["config"]!])
        let dispatcher = SessionDispatcher(scopes: scopes, library: session.library, package: subject.packageName)
        v["adapter"] = session.adapterValue(isParsing: isParsing, dispatcher: dispatcher)
        context.variables = v
        if let kwargs = subject.testKwargs {
            context.variables["_dbt_generic_test_kwargs"] = TestKwargs.render(kwargs, in: scopes.scope(for: subject.packageName),
                                                                              environment: session.library.environment,
                                                                              templates: session.testArgumentTemplates)
        }
        return scopes
    }
}

/// `adapter.dispatch` for one render: finds `<adapter>__name` / `default__name` in the packages
/// the project's dispatch config names and binds it to its package's scope.
final class SessionDispatcher: MacroDispatching, @unchecked Sendable {
    unowned let scopes: RenderScopes
    let library: MacroLibrary
    let package: String

    init(scopes: RenderScopes, library: MacroLibrary, package: String) {
        self.scopes = scopes
        self.library = library
        self.package = package
    }

    func dispatch(_ name: String, namespace: String?, state: RenderState) throws -> Value {
        guard let entry = library.dispatch(name, namespace: namespace, from: package) else {
            let searched = library.dispatchSearchOrder(namespace: namespace).map { p in
                library.dispatchPrefixes.map { "\(p.map { "\($0)." } ?? "")\($0)__\(name)" }.joined(separator: ", ")
            }.joined(separator: ", ")
            throw CompilationError("In dispatch: No macro named '\(name)' found within namespace: '\(namespace ?? "None")'\n    Searched for: \(searched)")
        }
        return scopes.bind(entry)
    }
}

extension ConfigMap {
    /// The map as compact JSON, for messages.
    var displayJSON: String {
        (try? ValueBridge.value(self).jsonString()) ?? "{}"
    }
}
