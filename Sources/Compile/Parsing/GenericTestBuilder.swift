import Foundation
import Jinja
import Project

/// Turns a generic test written in properties YAML into a test node, as dbt does: a synthesized
/// name (`not_null_orders_order_id`), `raw_code` calling the test macro with
/// `_dbt_generic_test_kwargs`, and a parse render that captures the refs in its arguments and
/// the `config()` calls in the test macro.
struct GenericTestBuilder: Sendable {
    let session: CompileSession
    let builder: ManifestBuilder
    /// `raw_code` is the same for every test of one kind in one file: parse it once.
    let templates = TemplateCache()

    func build(_ d: TestDefinition, in file: PropertiesFile) throws -> ManifestNode {
        let modelArgument: String
        let attached: String
        switch d.attachedTo {
        case .model(let name, let version):
            modelArgument = version.map { "{{ get_where_subquery(ref('\(name)', v='\($0)')) }}" } ?? "{{ get_where_subquery(ref('\(name)')) }}"
            attached = "model.\(file.packageName).\(name)"
        case .seed(let name):
            modelArgument = "{{ get_where_subquery(ref('\(name)')) }}"
            attached = "seed.\(file.packageName).\(name)"
        case .snapshot(let name):
            modelArgument = "{{ get_where_subquery(ref('\(name)')) }}"
            attached = "snapshot.\(file.packageName).\(name)"
        case .source(let source, let table):
            modelArgument = "{{ get_where_subquery(source('\(source)', '\(table)')) }}"
            attached = "source.\(file.packageName).\(source).\(table)"
        }
        var kwargs = d.arguments
        if let column = d.columnName { kwargs = kwargs.updating(with: ["column_name": .string(column)]) }
        var testType = d.namespace.map { "\($0)_\(d.testName)" } ?? d.testName
        // dbt prefixes tests on sources: `source_not_null_raw_orders_id`.
        if case .source = d.attachedTo { testType = "source_" + testType }
        let (shortName, fullName) = GenericTestBuilder.synthesizeName(testType: testType, target: d.attachedTo.name, arguments: kwargs)
        let name = d.customName ?? shortName
        kwargs = kwargs.updating(with: ["model": .string(modelArgument)])
        let macroName = d.namespace.map { "\($0).test_\(d.testName)" } ?? "test_\(d.testName)"
        let rawCode = "{{ \(macroName)(**_dbt_generic_test_kwargs) }}"
        let fqn = [file.packageName] + file.folderParts + [name]
        let displayPath = file.originalFilePath
        // Parse render: the test macro with its arguments, capturing refs and config() calls.
        let capture = ParseCapture()
        let subject = NodeContext.Subject(
            uniqueID: "test.\(file.packageName).\(name)", name: name, packageName: file.packageName,
            resourceType: "test", originalFilePath: file.originalFilePath,
            relation: RelationName(database: session.targetDatabase, schema: session.targetSchema, identifier: name),
            config: d.config, modelValue: nil, testKwargs: kwargs)
        let context = NodeContext(session: session, subject: subject, mode: .parse(capture))
        let scopes = context.makeScopes()
        defer { scopes.close() }
        do {
            var env = session.library.environment
            env.undefinedBehavior = .chainable
            let template = try templates.template(rawCode, name: displayPath, environment: env)
            _ = try template.render(in: scopes.scope(for: file.packageName))
        } catch let e as JinjaError {
            var error = CompileError(jinja: e, file: displayPath)
            if error.kind == .jinja, e.kind == .undefined || e.detail.contains("is undefined") {
                error = CompileError(.missingMacro, "\(displayPath): the test '\(d.qualifiedName)' is not defined (no macro named 'test_\(d.testName)'\(d.namespace.map { " in package '\($0)'" } ?? ""))",
                                     file: displayPath, line: d.location.line)
            } else {
                error.line = d.location.line
            }
            throw error
        }
        let config = session.project.configResolver.resolve(.test, package: file.packageName, fqn: fqn,
                                                            properties: d.config, inFile: capture.configCalls)
        var resolved = config
        if resolved.values["schema"] == nil {
            resolved.values = resolved.values.updating(with: ["schema": "dbt_test__audit"])
        }
        let hash = String(MD5.hex("\(fullName)\u{1}\(attached)\u{1}\(file.originalFilePath)").prefix(10))
        var node = ManifestNode(
            uniqueID: "test.\(file.packageName).\(name).\(hash)", resourceType: .test, packageName: file.packageName,
            name: name, fqn: fqn, originalFilePath: file.originalFilePath, path: "\(name).sql",
            displayPath: displayPath, rawCode: rawCode, language: "sql", checksum: FileChecksum(name: "none", checksum: ""),
            config: resolved, schema: "", alias: "")
        node.line = d.location.line
        node.refs = capture.refs
        node.sources = capture.sources
        node.dependsOnMacros = scopes.usedMacros.sorted()
        node.description = d.description ?? ""
        node.attachedNode = attached
        node.columnName = d.columnName
        node.testMetadata = TestMetadata(name: d.testName, namespace: d.namespace, kwargs: kwargs)
        try builder.name(&node)
        return node
    }

    /// dbt's test names: `<type>_<target>_<args…>`, or, when that reaches 64 characters, the
    /// first 30 characters of `<type>_<target>` and an MD5 of the full name.
    static func synthesizeName(testType: String, target: String, arguments: ConfigMap) -> (short: String, full: String) {
        var flat: [String] = []
        for key in arguments.keys.sorted() where key != "model" {
            switch arguments[key]! {
            case .map(let m): flat += m.map { text($0.value) }
            case .list(let items): flat += items.map(text)
            case let v: flat.append(text(v))
            }
        }
        let clean = flat.map(identifierSafe)
        let identifier = "\(testType)_\(target)"
        let full = "\(identifier)_\(clean.joined(separator: "__"))"
        if full.count >= 64 {
            return ("\(identifier.prefix(30))_\(MD5.hex(full))", full)
        }
        return (full, full)
    }

    /// `re.sub("[^0-9a-zA-Z_]+", "_", s)` without a regular expression (this runs for every test).
    static func identifierSafe(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        var inRun = false
        for b in s.utf8 {
            let keep = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
            if keep {
                out.append(b)
                inRun = false
            } else if !inRun {
                out.append(0x5F)
                inRun = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func text(_ v: ConfigValue) -> String {
        switch v {
        case .string(let s): return s
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return Value.formatDouble(d)
        case .list, .map: return ValueBridge.value(v).pythonRepr
        }
    }
}
