extension ProjectDefinition {
    /// The top-level keys dbt's project schema allows; any other key is an error, as in dbt.
    static let knownKeys: Set<String> = [
        "name", "version", "config-version", "project-root", "profile",
        "source-paths", "model-paths", "macro-paths", "data-paths", "seed-paths", "test-paths",
        "analysis-paths", "docs-paths", "asset-paths", "function-paths", "target-path", "snapshot-paths",
        "clean-targets", "log-path", "packages-install-path", "modules-path", "quoting",
        "on-run-start", "on-run-end", "require-dbt-version", "dispatch",
        "models", "seeds", "snapshots", "analyses", "sources", "tests", "data_tests", "unit_tests",
        "metrics", "semantic-models", "saved-queries", "exposures", "functions",
        "vars", "packages", "query-comment", "restrict-access", "dbt-cloud", "flags",
    ]

    static let configTreeKeys = [
        "models", "seeds", "snapshots", "analyses", "sources", "data_tests", "unit_tests", "metrics",
        "semantic-models", "saved-queries", "exposures", "functions",
    ]

    /// Parses and renders the text of a `dbt_project.yml`.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the path shown in errors.
    ///   - rootPath: the absolute project directory.
    ///   - renderer: renders `env_var()` / `var()` in values (dbt renders this file with CLI vars only).
    ///   - warnings: receives deprecation warnings.
    /// - Throws: `ProjectError` with the file, line and column of the offending value.
    package static func parse(
        text: String, file: String, rootPath: String, renderer: YAMLTreeRenderer, warnings: inout [ProjectWarning]
    ) throws(ProjectError) -> ProjectDefinition {
        guard let raw = try YAMLReader.parse(text, file: file) else {
            throw ProjectError(.missingKey, "dbt_project.yml is empty", at: SourceLocation(file: file, line: 1, column: 1))
        }
        let root = try renderer.render(raw, skip: YAMLTreeRenderer.skipInProjectFile)
        let entries = try root.expectMapping("dbt_project.yml")
        for e in entries where !knownKeys.contains(e.key) { throw .unknownTopLevelKey(e) }

        guard let nameNode = root["name"] else {
            throw .missingKey("name", in: "dbt_project.yml", at: root.location)
        }
        let name = try nameNode.expectString("name")
        if !isIdentifier(name) {
            throw ProjectError(
                .invalidValue, "'\(name)' is not a valid project name: it must be letters, digits and underscores, not starting with a digit",
                at: nameNode.location)
        }

        func paths(_ key: String, legacy: String? = nil, default value: [String]) throws(ProjectError) -> [String] {
            if let node = root[key] { return try node.expectStringList(key) }
            if let legacy, let node = root[legacy] {
                warnings.append(ProjectWarning(
                    .deprecated,
                    "The `\(legacy)` config has been renamed to `\(key)`. Please update your `dbt_project.yml` configuration to reflect this change.",
                    at: root.entry(legacy)?.keyLocation))
                return try node.expectStringList(legacy)
            }
            return value
        }
        func string(_ key: String) throws(ProjectError) -> String? {
            try root[key]?.optionalString(key)
        }

        let targetPath = try string("target-path") ?? "target"
        let legacyInstallPath = try string("modules-path")
        var def = ProjectDefinition(
            name: name,
            version: try string("version"),
            configVersion: try root["config-version"].map { n throws(ProjectError) in try n.expectInt("config-version") } ?? 2,
            profile: try string("profile"),
            modelPaths: try paths("model-paths", legacy: "source-paths", default: ["models"]),
            seedPaths: try paths("seed-paths", legacy: "data-paths", default: ["seeds"]),
            snapshotPaths: try paths("snapshot-paths", default: ["snapshots"]),
            testPaths: try paths("test-paths", default: ["tests"]),
            macroPaths: try paths("macro-paths", default: ["macros"]),
            analysisPaths: try paths("analysis-paths", default: ["analyses"]),
            docsPaths: [],
            assetPaths: try paths("asset-paths", default: []),
            targetPath: targetPath,
            logPath: try string("log-path") ?? "logs",
            cleanTargets: try paths("clean-targets", default: [targetPath]),
            packagesInstallPath: try string("packages-install-path") ?? legacyInstallPath ?? "dbt_packages",
            vars: try root["vars"]?.expectConfigMap("vars") ?? ConfigMap(),
            varsNode: root["vars"],
            configTrees: [:],
            onRunStart: try root["on-run-start"]?.expectStringOrList("on-run-start") ?? [],
            onRunEnd: try root["on-run-end"]?.expectStringOrList("on-run-end") ?? [],
            dispatch: [],
            quoting: try root["quoting"]?.expectConfigMap("quoting") ?? ConfigMap(),
            requireDbtVersion: try root["require-dbt-version"]?.expectStringOrList("require-dbt-version") ?? [],
            flags: try root["flags"]?.expectConfigMap("flags") ?? ConfigMap(),
            queryComment: root["query-comment"]?.configValue,
            restrictAccess: try root["restrict-access"].map { n throws(ProjectError) in try n.expectBool("restrict-access") } ?? false,
            rootPath: rootPath,
            location: SourceLocation(file: file))
        if root["modules-path"] != nil, root["packages-install-path"] == nil {
            warnings.append(ProjectWarning(
                .deprecated, "The `modules-path` config has been renamed to `packages-install-path`.",
                at: root.entry("modules-path")?.keyLocation))
        }
        def.docsPaths = try paths("docs-paths", default: def.allSourcePaths)

        for key in configTreeKeys {
            if let node = root[key] {
                _ = try node.expectMapping(key)
                def.configTrees[key] = node
            }
        }
        // dbt reads `tests:` only when `data_tests:` is absent.
        if def.configTrees["data_tests"] == nil, let node = root["tests"] {
            _ = try node.expectMapping("tests")
            def.configTrees["data_tests"] = node
        }
        for item in try root["dispatch"]?.expectSequence("dispatch") ?? [] {
            guard let ns = item["macro_namespace"] else {
                throw .missingKey("macro_namespace", in: "a dispatch entry", at: item.location)
            }
            def.dispatch.append(DispatchEntry(
                macroNamespace: try ns.expectString("macro_namespace"),
                searchOrder: try item["search_order"]?.expectStringList("search_order") ?? []))
        }
        return def
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, !(first.properties.numericType != nil), first == "_" || first.properties.isAlphabetic else {
            return false
        }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}
