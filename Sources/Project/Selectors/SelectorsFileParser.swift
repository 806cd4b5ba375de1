/// Reads `selectors.yml` into `NamedSelector`s.
package enum SelectorsFileParser {
    /// Parses the file's text.
    ///
    /// - Throws: `.invalidSelector` for definitions dbt rejects, with their line; a second
    ///   `default: true` is rejected as in dbt.
    package static func parse(text: String, file: String, renderer: YAMLTreeRenderer) throws(ProjectError) -> [NamedSelector] {
        guard let raw = try YAMLReader.parse(text, file: file) else { return [] }
        let root = try renderer.render(raw, skip: { _ in false })
        guard let list = root["selectors"] else {
            throw .missingKey("selectors", in: "selectors.yml", at: root.location)
        }
        var out: [NamedSelector] = []
        for item in try list.expectSequence("selectors") {
            _ = try item.expectMapping("selectors")
            guard let nameNode = item["name"] else { throw .missingKey("name", in: "a selector", at: item.location) }
            guard let defNode = item["definition"] else {
                throw .missingKey("definition", in: "selector '\(try nameNode.expectString("name"))'", at: item.location)
            }
            let isDefault = try item["default"].map { n throws(ProjectError) in try n.expectBool("default") } ?? false
            if isDefault, let other = out.first(where: { $0.isDefault }) {
                throw ProjectError(
                    .invalidSelector, "Found multiple selectors with `default: true`: \(other.name) and \(try nameNode.expectString("name"))",
                    at: item.location)
            }
            out.append(NamedSelector(
                name: try nameNode.expectString("name"), description: try item["description"]?.optionalString("description"),
                isDefault: isDefault, definition: try definition(defNode), location: item.location))
        }
        return out
    }

    static let criterionKeys: Set<String> = [
        "method", "value", "parents", "parents_depth", "children", "children_depth", "childrens_parents",
        "indirect_selection", "exclude",
    ]

    static func definition(_ node: YAMLNode) throws(ProjectError) -> SelectorDefinition {
        switch node.value {
        case .string(let s):
            return .cli(s, location: node.location)
        case .mapping(let entries):
            if let u = node["union"] { return try setOperation(u, isUnion: true) }
            if let i = node["intersection"] { return try setOperation(i, isUnion: false) }
            if node["method"] != nil || node["value"] != nil {
                return .method(try criterion(node, method: nil, value: nil))
            }
            // The key-value shorthand `tag: nightly` is `method: tag, value: nightly`.
            if entries.count == 1, entries[0].key != "exclude" {
                return .method(try criterion(node, method: entries[0].key, value: try entries[0].value.expectString(entries[0].key)))
            }
            throw ProjectError(
                .invalidSelector, "a selector definition needs 'method' and 'value', 'union' or 'intersection'; got keys \(entries.map(\.key))",
                at: node.location)
        default:
            throw ProjectError(.invalidSelector, "a selector definition must be a string or a mapping, got \(node.typeName)", at: node.location)
        }
    }

    static func setOperation(_ node: YAMLNode, isUnion: Bool) throws(ProjectError) -> SelectorDefinition {
        var include: [SelectorDefinition] = []
        var exclude: [SelectorDefinition] = []
        for item in try node.expectSequence(isUnion ? "union" : "intersection") {
            if let ex = item["exclude"], item.mapping?.count == 1 {
                for e in try ex.expectSequence("exclude") { exclude.append(try definition(e)) }
            } else {
                include.append(try definition(item))
            }
        }
        return isUnion
            ? .union(include, exclude: exclude, location: node.location)
            : .intersection(include, exclude: exclude, location: node.location)
    }

    static func criterion(_ node: YAMLNode, method: String?, value: String?) throws(ProjectError) -> SelectorCriterion {
        let m: String
        if let method { m = method } else {
            guard let mn = node["method"] else { throw .missingKey("method", in: "a selector criterion", at: node.location) }
            m = try mn.expectString("method")
        }
        let v: String
        if let value { v = value } else {
            guard let vn = node["value"] else { throw .missingKey("value", in: "a selector criterion", at: node.location) }
            v = try vn.expectString("value")
        }
        if method == nil {
            for e in node.mapping ?? [] where !criterionKeys.contains(e.key) {
                throw ProjectError(.invalidSelector, "unknown key '\(e.key)' in selector criterion", at: e.keyLocation)
            }
        }
        func flag(_ key: String) throws(ProjectError) -> Bool {
            try node[key].map { n throws(ProjectError) in try n.expectBool(key) } ?? false
        }
        func depth(_ key: String) throws(ProjectError) -> Int? {
            try node[key].map { n throws(ProjectError) in try n.expectInt(key) }
        }
        var exclude: [SelectorDefinition] = []
        for e in try node["exclude"]?.expectSequence("exclude") ?? [] { exclude.append(try definition(e)) }
        let indirect = try node["indirect_selection"]?.optionalString("indirect_selection")
        if let indirect, !["eager", "cautious", "buildable", "empty"].contains(indirect) {
            throw ProjectError(
                .invalidSelector, "indirect_selection must be one of eager, cautious, buildable, empty; got '\(indirect)'",
                at: node["indirect_selection"]!.location)
        }
        let criterion = SelectorCriterion(
            method: m, value: v, parents: try flag("parents"), parentsDepth: try depth("parents_depth"),
            children: try flag("children"), childrenDepth: try depth("children_depth"),
            childrensParents: try flag("childrens_parents"), indirectSelection: indirect, exclude: exclude,
            location: node.location)
        if criterion.childrensParents && criterion.parents {
            throw ProjectError(.invalidSelector, "childrens_parents cannot be combined with parents", at: node.location)
        }
        return criterion
    }
}
