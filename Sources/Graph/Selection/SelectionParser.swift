import Project

/// Parses dbt's selection syntax: CLI strings and selectors.yml definitions.
public enum SelectionParser {
    /// Parses one term (`+tag:nightly`, `2+orders+1`, `@path:models/staging`, `config.materialized:table`).
    ///
    /// Without a method, dbt guesses: a value with `/` is a `path`, one ending in `.sql`, `.py`
    /// or `.csv` is a `file`, anything else an `fqn`.
    public static func parseTerm(_ raw: String) throws(GraphError) -> SelectionCriteria {
        var text = Substring(raw)
        var atSign = false
        if text.first == "@" {
            atSign = true
            text = text.dropFirst()
        }
        var parents = false
        var parentsDepth: Int?
        if let plus = text.firstIndex(of: "+"), text[text.startIndex..<plus].allSatisfy(\.isASCIIDigit) {
            parents = true
            let digits = text[text.startIndex..<plus]
            parentsDepth = digits.isEmpty ? nil : Int(digits)
            text = text[text.index(after: plus)...]
        }
        var children = false
        var childrenDepth: Int?
        if let plus = text.lastIndex(of: "+"), text[text.index(after: plus)...].allSatisfy(\.isASCIIDigit) {
            children = true
            let digits = text[text.index(after: plus)...]
            childrenDepth = digits.isEmpty ? nil : Int(digits)
            text = text[text.startIndex..<plus]
        }
        if atSign && parents {
            throw GraphError(.invalidSelector, "Invalid node spec \(raw) - \"@\" prefix and \"+\" prefix are not compatible")
        }
        var method: SelectionMethod
        var value = String(text)
        if let colon = text.firstIndex(of: ":"),
            text[text.startIndex..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }),
            colon != text.startIndex
        {
            method = try SelectionMethod.parse(String(text[text.startIndex..<colon]))
            value = String(text[text.index(after: colon)...])
        } else if value.contains("/") || value.contains("\\") {
            method = .path
        } else if [".sql", ".py", ".csv"].contains(where: { value.lowercased().hasSuffix($0) }) {
            method = .file
        } else {
            method = .fqn
        }
        guard !value.isEmpty else { throw GraphError(.invalidSelector, "empty selector value in '\(raw)'") }
        return SelectionCriteria(
            method: method, value: value, parents: parents, parentsDepth: parentsDepth, children: children,
            childrenDepth: childrenDepth, childrensParents: atSign)
    }

    /// Parses a list of `--select` / `--exclude` arguments: each argument may hold several
    /// space-separated terms (union); a term with commas is an intersection.
    public static func parseUnion(_ args: [String]) throws(GraphError) -> SelectionExpression {
        var terms: [SelectionExpression] = []
        for arg in args {
            for word in arg.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
                let parts = word.split(separator: ",", omittingEmptySubsequences: true)
                var inter: [SelectionExpression] = []
                for p in parts { inter.append(.criteria(try parseTerm(String(p)))) }
                terms.append(inter.count == 1 ? inter[0] : .intersection(inter))
            }
        }
        return .union(terms)
    }

    /// The expression for `--select … --exclude …` (dbt: the union of the selected terms minus
    /// the union of the excluded ones).
    public static func parse(select: [String], exclude: [String]) throws(GraphError) -> SelectionExpression {
        let selected = try parseUnion(select)
        if exclude.isEmpty { return selected }
        return .difference(selected, try parseUnion(exclude))
    }

    /// Converts a selectors.yml definition; `method: selector` entries are expanded from `selectors`.
    public static func expression(
        for definition: SelectorDefinition, selectors: [NamedSelector], expanding: Set<String> = []
    ) throws(GraphError) -> SelectionExpression {
        func convertAll(_ defs: [SelectorDefinition]) throws(GraphError) -> [SelectionExpression] {
            var out: [SelectionExpression] = []
            for d in defs { out.append(try expression(for: d, selectors: selectors, expanding: expanding)) }
            return out
        }
        func withExclusions(_ base: SelectionExpression, _ exclude: [SelectorDefinition]) throws(GraphError) -> SelectionExpression {
            exclude.isEmpty ? base : .difference(base, .union(try convertAll(exclude)))
        }
        switch definition {
        case .cli(let text, let location):
            do { return try parseUnion([text]) } catch { throw GraphError(error.kind, error.detail, at: location) }
        case .union(let items, let exclude, _):
            return try withExclusions(.union(try convertAll(items)), exclude)
        case .intersection(let items, let exclude, _):
            return try withExclusions(.intersection(try convertAll(items)), exclude)
        case .method(let c):
            let method: SelectionMethod
            do { method = try SelectionMethod.parse(c.method) } catch { throw GraphError(error.kind, error.detail, at: c.location) }
            var indirect: IndirectSelection?
            if let mode = c.indirectSelection { indirect = IndirectSelection(rawValue: mode) }
            if method == .selector {
                guard !expanding.contains(c.value) else {
                    throw GraphError(.invalidSelector, "selector '\(c.value)' refers to itself", at: c.location)
                }
                guard let named = selectors.first(where: { $0.name == c.value }) else {
                    throw GraphError(.unknownSelector, "Could not find selector named '\(c.value)'", at: c.location)
                }
                let inner = try expression(for: named.definition, selectors: selectors, expanding: expanding.union([c.value]))
                return try withExclusions(inner, c.exclude)
            }
            let criteria = SelectionCriteria(
                method: method, value: c.value, parents: c.parents, parentsDepth: c.parentsDepth, children: c.children,
                childrenDepth: c.childrenDepth, childrensParents: c.childrensParents, indirectSelection: indirect)
            return try withExclusions(.criteria(criteria), c.exclude)
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
