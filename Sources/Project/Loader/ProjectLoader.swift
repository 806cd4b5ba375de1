import Foundation

/// Turns a dbt project directory into a `LoadedProject`: reads `dbt_project.yml`, resolves
/// packages, discovers and reads every file (in parallel), parses properties YAML and docs
/// blocks, reads `selectors.yml` and resolves the profile.
public enum ProjectLoader {
    /// Loads the project described by `options`.
    ///
    /// - Throws: `ProjectError`; the first error in file order when several files are bad.
    public static func load(_ options: LoadOptions) throws(ProjectError) -> LoadedProject {
        let rootDir = absolute(options.projectDir)
        let context = YAMLRenderContext(environment: options.environment, vars: options.cliVars)
        let tree = YAMLTreeRenderer(renderer: options.renderer, context: context)
        var warnings: [ProjectWarning] = []

        let rootDef = try readDefinition(dir: rootDir, rootDir: rootDir, renderer: tree, warnings: &warnings)
        let installDir = (rootDir as NSString).appendingPathComponent(rootDef.packagesInstallPath)
        let resolved = try resolvePackages(root: rootDef, rootDir: rootDir, installDir: installDir, renderer: tree, warnings: &warnings)

        // Discover files of every package with files, then read them all in one parallel pass.
        var owners: [(index: Int, candidate: FileDiscovery.Candidate)] = []
        var packages: [LoadedPackage] = resolved.map { entry in
            LoadedPackage(
                name: entry.package.name, origin: entry.package.origin, definition: entry.definition,
                dependencies: entry.dependencies, files: [], properties: [], docs: [])
        }
        packages.append(LoadedPackage(
            name: rootDef.name, origin: .local(directory: rootDir), definition: rootDef,
            dependencies: resolved.filter(\.isDirect).map(\.package.name), files: [], properties: [], docs: []))
        for (i, pkg) in packages.enumerated() {
            guard let def = pkg.definition else { continue }
            for c in FileDiscovery.candidates(for: def) { owners.append((i, c)) }
        }
        let snapshot = packages
        let work = owners
        let parser = PropertiesParser(renderer: tree)
        let results = FileDiscovery.parallelMap(work.count) { n -> Result<ReadOutcome, ProjectError> in
            let (i, c) = work[n]
            return readCandidate(c, package: snapshot[i], rootDir: rootDir, parser: parser)
        }
        for (n, result) in results.enumerated() {
            let i = owners[n].index
            switch result {
            case .failure(let error): throw error
            case .success(.file(let f)): packages[i].files.append(f)
            case .success(.properties(let p, let w)):
                packages[i].properties.append(p)
                warnings += w
            case .success(.docs(let d)): packages[i].docs += d
            }
        }
        for pkg in packages {
            try checkDuplicates(pkg)
            warnings += unmatchedPatches(pkg)
            for f in pkg.files where !f.isSupported {
                warnings.append(ProjectWarning(
                    .unsupported, "Python models are not supported by ingot; '\(f.name)' is recorded but will not run",
                    at: SourceLocation(file: f.displayPath, line: 1, column: 1)))
            }
        }

        let selectors = try readSelectors(rootDir: rootDir, renderer: tree)
        let profile = try resolveProfile(rootDef, options: options, rootDir: rootDir, context: context)
        let root = packages.removeLast()
        return LoadedProject(
            root: root, packages: packages, profile: profile, selectors: selectors,
            configResolver: ConfigResolver(root: rootDef, packages: packages.compactMap(\.definition)),
            cliVars: options.cliVars, warnings: warnings)
    }

    /// Resolves the packages of the project in `projectDir` for `ingot deps`: built-in, local or
    /// vendored, transitively, dependencies first.
    ///
    /// - Throws: `.packageNotInstalled` for a package that is none of those, saying how to vendor it.
    public static func resolveDependencies(_ options: LoadOptions) throws(ProjectError) -> [ResolvedPackage] {
        let rootDir = absolute(options.projectDir)
        let tree = YAMLTreeRenderer(
            renderer: options.renderer, context: YAMLRenderContext(environment: options.environment, vars: options.cliVars))
        var warnings: [ProjectWarning] = []
        let rootDef = try readDefinition(dir: rootDir, rootDir: rootDir, renderer: tree, warnings: &warnings)
        let installDir = (rootDir as NSString).appendingPathComponent(rootDef.packagesInstallPath)
        return try resolvePackages(root: rootDef, rootDir: rootDir, installDir: installDir, renderer: tree, warnings: &warnings)
            .map(\.package)
    }

    // MARK: - Steps

    static func absolute(_ path: String) -> String {
        let p = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (p as NSString).standardizingPath
    }

    static func display(_ absolutePath: String, rootDir: String) -> String {
        absolutePath.hasPrefix(rootDir + "/") ? String(absolutePath.dropFirst(rootDir.count + 1)) : absolutePath
    }

    static func readDefinition(
        dir: String, rootDir: String, renderer: YAMLTreeRenderer, warnings: inout [ProjectWarning]
    ) throws(ProjectError) -> ProjectDefinition {
        let path = (dir as NSString).appendingPathComponent("dbt_project.yml")
        guard let data = FileManager.default.contents(atPath: path) else { throw .missingProjectFile(dir) }
        return try ProjectDefinition.parse(
            text: String(decoding: data, as: UTF8.self), file: display(path, rootDir: rootDir), rootPath: dir,
            renderer: renderer, warnings: &warnings)
    }

    struct PackageEntry {
        var package: ResolvedPackage
        var definition: ProjectDefinition?
        var dependencies: [String]
        var isDirect: Bool
    }

    /// Depth-first over packages.yml files: every package comes after the packages it needs.
    static func resolvePackages(
        root: ProjectDefinition, rootDir: String, installDir: String, renderer: YAMLTreeRenderer,
        warnings: inout [ProjectWarning]
    ) throws(ProjectError) -> [PackageEntry] {
        var ordered: [PackageEntry] = []
        var visiting = Set<String>([root.name])
        var done = Set<String>()

        func visit(_ req: PackageRequirement?, _ pkg: ResolvedPackage, isDirect: Bool) throws(ProjectError) {
            var pkg = pkg
            guard !done.contains(pkg.name), !visiting.contains(pkg.name) else { return }
            guard let dir = pkg.directory else {
                done.insert(pkg.name)
                ordered.append(PackageEntry(package: pkg, definition: nil, dependencies: [], isDirect: isDirect))
                return
            }
            let def = try readDefinition(dir: dir, rootDir: rootDir, renderer: renderer, warnings: &warnings)
            pkg.name = def.name
            guard !done.contains(def.name), !visiting.contains(def.name) else { return }
            visiting.insert(def.name)
            var deps: [String] = []
            let reqs = try PackageResolver.requirements(
                projectDir: dir, displayPrefix: display(dir, rootDir: rootDir), renderer: renderer)
            for r in reqs {
                let child = try PackageResolver.resolve(r, projectDir: dir, installDir: installDir)
                try visit(r, child, isDirect: false)
                deps.append(ordered.last(where: { $0.package.requirement?.location == r.location })?.package.name ?? child.name)
            }
            visiting.remove(def.name)
            done.insert(def.name)
            ordered.append(PackageEntry(package: pkg, definition: def, dependencies: deps, isDirect: isDirect))
        }

        for r in try PackageResolver.requirements(projectDir: rootDir, displayPrefix: "", renderer: renderer) {
            try visit(r, try PackageResolver.resolve(r, projectDir: rootDir, installDir: installDir), isDirect: true)
        }
        // dbt also loads whatever is installed under the packages path.
        let installed = (try? FileManager.default.contentsOfDirectory(atPath: installDir))?.sorted() ?? []
        for name in installed {
            let dir = (installDir as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("dbt_project.yml")) else { continue }
            if PackageResolver.builtinNames.contains(name) {
                warnings.append(ProjectWarning(
                    .shadowedPackage, "'\(name)' in \(display(dir, rootDir: rootDir)) is ignored: ingot's built-in \(name) is used instead",
                    at: SourceLocation(file: display(dir, rootDir: rootDir))))
                continue
            }
            if ordered.contains(where: { $0.package.directory.map { ($0 as NSString).standardizingPath } == dir }) { continue }
            try visit(nil, ResolvedPackage(name: name, origin: .vendored(directory: dir), requirement: nil), isDirect: false)
        }
        return ordered
    }

    enum ReadOutcome: Sendable {
        case file(ResourceFile)
        case properties(PropertiesFile, [ProjectWarning])
        case docs([DocsBlock])
    }

    static func readCandidate(
        _ c: FileDiscovery.Candidate, package: LoadedPackage, rootDir: String, parser: PropertiesParser
    ) -> Result<ReadOutcome, ProjectError> {
        let shown = display(c.absolutePath, rootDir: rootDir)
        guard let data = FileManager.default.contents(atPath: c.absolutePath) else {
            return .failure(ProjectError(.fileUnreadable, "cannot read file", at: SourceLocation(file: shown)))
        }
        switch c.kind {
        case .resource(let type, let language, let generic):
            let isLargeSeed = type == .seed && data.count > 1_048_576
            let text = String(decoding: data, as: UTF8.self)
            let checksum = isLargeSeed ? FileChecksum(name: "path", checksum: c.originalFilePath) : FileChecksum.of(contents: text)
            let fqn = FQN.forFile(type: type, package: package.name, pathInResourcePath: c.relativeToResourcePath)
            return .success(.file(ResourceFile(
                resourceType: type, packageName: package.name, originalFilePath: c.originalFilePath,
                path: c.relativeToResourcePath, resourcePath: c.resourcePath, absolutePath: c.absolutePath,
                displayPath: shown, name: fqn.last!, fqn: fqn, language: language, isGenericTestFile: generic,
                contents: type == .seed ? "" : text, checksum: checksum)))
        case .properties:
            var warnings: [ProjectWarning] = []
            do {
                let record = PropertiesFile(packageName: package.name, originalFilePath: c.originalFilePath, resourcePath: c.resourcePath)
                let file = try parser.parse(text: String(decoding: data, as: UTF8.self), file: shown, record: record, warnings: &warnings)
                return .success(.properties(file, warnings))
            } catch {
                return .failure(error)
            }
        case .docs:
            do {
                var blocks = try DocsBlockScanner.scan(String(decoding: data, as: UTF8.self), file: shown, packageName: package.name)
                for i in blocks.indices { blocks[i].originalFilePath = c.originalFilePath }
                return .success(.docs(blocks))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Models, seeds and analyses share dbt's `ref` namespace within a package.
    static func checkDuplicates(_ pkg: LoadedPackage) throws(ProjectError) {
        var seen: [String: ResourceFile] = [:]
        for f in pkg.files where f.resourceType == .model || f.resourceType == .seed {
            if let first = seen[f.name] {
                let kind = first.resourceType == f.resourceType ? f.resourceType.rawValue : "resource"
                throw .duplicateResource(
                    kind: kind, name: f.name,
                    ids: [(f.uniqueID, f.originalFilePath), (first.uniqueID, first.originalFilePath)],
                    at: SourceLocation(file: f.displayPath, line: 1, column: 1))
            }
            seen[f.name] = f
        }
    }

    /// dbt warns when properties YAML describes a model, seed or analysis that has no file.
    static func unmatchedPatches(_ pkg: LoadedPackage) -> [ProjectWarning] {
        var names: [ResourceType: Set<String>] = [:]
        for f in pkg.files { names[f.resourceType, default: []].insert(f.name) }
        var out: [ProjectWarning] = []
        for file in pkg.properties {
            let sections: [(String, ResourceType, [ResourceProperties])] = [
                ("models", .model, file.models), ("seeds", .seed, file.seeds), ("analyses", .analysis, file.analyses),
            ]
            for (section, type, entries) in sections {
                for entry in entries {
                    let known = names[type] ?? []
                    if known.contains(entry.name) { continue }
                    // Versioned models live in `<name>_v<v>.sql` or `defined_in`.
                    if !entry.versions.isEmpty,
                        entry.versions.contains(where: { known.contains($0.definedIn ?? "\(entry.name)_v\($0.version)") })
                    {
                        continue
                    }
                    out.append(.unmatchedPatch(
                        name: entry.name, section: section, file: file.originalFilePath, at: entry.location))
                }
            }
        }
        return out
    }

    static func readSelectors(rootDir: String, renderer: YAMLTreeRenderer) throws(ProjectError) -> [NamedSelector] {
        let path = (rootDir as NSString).appendingPathComponent("selectors.yml")
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return try SelectorsFileParser.parse(text: String(decoding: data, as: UTF8.self), file: "selectors.yml", renderer: renderer)
    }

    static func resolveProfile(
        _ def: ProjectDefinition, options: LoadOptions, rootDir: String, context: YAMLRenderContext
    ) throws(ProjectError) -> ResolvedProfile? {
        guard let name = options.profile ?? def.profile else {
            if options.requireProfile {
                throw ProjectError(.missingKey, "No profile was specified in dbt_project.yml and --profile was not given", at: def.location)
            }
            return nil
        }
        let path: String
        do {
            path = try ProfileResolver.locate(explicit: options.profilesDir, projectDir: rootDir, environment: options.environment)
        } catch {
            if options.requireProfile { throw error }
            return nil
        }
        return try ProfileResolver.resolve(
            profileName: name, targetName: options.target, path: path, shownPath: display(path, rootDir: rootDir),
            renderer: options.renderer, context: context)
    }
}
