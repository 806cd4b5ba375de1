import Yams

// Every message of the module is built here, so wording stays consistent and matches dbt's.
extension ProjectError {
    static func yamlSyntax(_ error: YamlError, file: String) -> ProjectError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return ProjectError(
                .yamlSyntax, "invalid YAML: \(ctx)\(problem)",
                at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // dbt (PyYAML) warns and keeps the last value; ingot rejects, as a silently lost key
            // is more often a mistake than an intent.
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ProjectError(
                .yamlSyntax, "duplicate key \(keys) in one mapping",
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            return ProjectError(.yamlSyntax, "invalid YAML: \(error)", at: SourceLocation(file: file))
        }
    }

    static func wrongType(_ node: YAMLNode, key: String, expected: String) -> ProjectError {
        ProjectError(
            .invalidType, "'\(key)' must be \(expected), got \(node.typeName)", at: node.location)
    }

    static func missingKey(_ key: String, in what: String, at location: SourceLocation) -> ProjectError {
        ProjectError(.missingKey, "\(what) is missing the required key '\(key)'", at: location)
    }

    static func unknownTopLevelKey(_ entry: YAMLEntry) -> ProjectError {
        // dbt validates dbt_project.yml against a JSON schema; this is its wording.
        ProjectError(
            .unknownKey, "Additional properties are not allowed ('\(entry.key)' was unexpected)",
            at: entry.keyLocation)
    }

    static func missingEnvVar(_ name: String, at location: SourceLocation) -> ProjectError {
        ProjectError(.missingEnvVar, "Env var required but not provided: '\(name)'", at: location)
    }

    static func missingVar(_ name: String, at location: SourceLocation) -> ProjectError {
        ProjectError(.missingVar, "Required var '\(name)' not found in config", at: location)
    }

    static func missingProjectFile(_ dir: String) -> ProjectError {
        ProjectError(
            .missingProjectFile,
            "No dbt_project.yml found at expected path \(dir)/dbt_project.yml. Verify that each entry within packages.yml (and their transitive dependencies) contains a file named dbt_project.yml",
            at: nil)
    }

    static func profileNotFound(_ name: String, file: String, available: [String]) -> ProjectError {
        let list = available.isEmpty ? "none" : available.map { "'\($0)'" }.joined(separator: ", ")
        return ProjectError(
            .profileNotFound, "Could not find profile named '\(name)' (profiles in this file: \(list))",
            at: SourceLocation(file: file))
    }

    static func targetNotFound(_ target: String, profile: String, available: [String], at location: SourceLocation)
        -> ProjectError
    {
        let list = available.map { "\n - \($0)" }.joined()
        return ProjectError(
            .targetNotFound,
            "The profile '\(profile)' does not have a target named '\(target)'. The valid target names for this profile are:\(list)",
            at: location)
    }

    static func duplicateResource(kind: String, name: String, ids: [(String, String)], at location: SourceLocation)
        -> ProjectError
    {
        let list = ids.map { "- \($0.0) (\($0.1))" }.joined(separator: "\n")
        return ProjectError(
            .duplicateResource,
            "dbt found two \(kind)s with the name \"\(name)\".\n\nSince these resources have the same name, dbt will be unable to find the correct resource\nwhen looking for ref(\"\(name)\").\n\nTo fix this, change the name of one of these resources:\n\(list)",
            at: location)
    }
}

extension ProjectWarning {
    static func unmatchedPatch(name: String, section: String, file: String, at location: SourceLocation)
        -> ProjectWarning
    {
        ProjectWarning(
            .unmatchedPatch,
            "Did not find matching node for patch with name '\(name)' in the '\(section)' section of file '\(file)'",
            at: location)
    }
}
