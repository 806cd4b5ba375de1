/// A selector definition from `selectors.yml`, as a typed tree. The Graph module turns it into a
/// selection expression (and parses the `.cli` strings with dbt's CLI grammar).
public indirect enum SelectorDefinition: Sendable {
    /// A CLI-style string (`"tag:nightly +orders"`).
    case cli(String, location: SourceLocation)
    /// One method criterion with graph operators.
    case method(SelectorCriterion)
    /// `union: [...]`, with any `exclude:` items among them.
    case union([SelectorDefinition], exclude: [SelectorDefinition], location: SourceLocation)
    /// `intersection: [...]`, with any `exclude:` items among them.
    case intersection([SelectorDefinition], exclude: [SelectorDefinition], location: SourceLocation)
}

/// `method: tag, value: nightly, parents: true, …` in `selectors.yml`.
public struct SelectorCriterion: Sendable {
    /// `method` (`fqn`, `tag`, `config.materialized`, `selector`, …).
    public var method: String
    /// `value`.
    public var value: String
    /// `parents: true` (`+x`).
    public var parents: Bool
    /// `parents_depth` / `n_parents`-style depth.
    public var parentsDepth: Int?
    /// `children: true` (`x+`).
    public var children: Bool
    /// `children_depth`.
    public var childrenDepth: Int?
    /// `childrens_parents: true` (`@x`).
    public var childrensParents: Bool
    /// `indirect_selection` (`eager`, `cautious`, `buildable`, `empty`).
    public var indirectSelection: String?
    /// `exclude:` on the criterion itself.
    public var exclude: [SelectorDefinition]
    /// Where the criterion is written.
    public var location: SourceLocation

    /// Creates a criterion.
    public init(
        method: String, value: String, parents: Bool = false, parentsDepth: Int? = nil, children: Bool = false,
        childrenDepth: Int? = nil, childrensParents: Bool = false, indirectSelection: String? = nil,
        exclude: [SelectorDefinition] = [], location: SourceLocation
    ) {
        self.method = method
        self.value = value
        self.parents = parents
        self.parentsDepth = parentsDepth
        self.children = children
        self.childrenDepth = childrenDepth
        self.childrensParents = childrensParents
        self.indirectSelection = indirectSelection
        self.exclude = exclude
        self.location = location
    }
}

/// A named selector of `selectors.yml`.
public struct NamedSelector: Sendable {
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String?
    /// `default: true` makes it the selection when no `--select` is given.
    public var isDefault: Bool
    /// `definition`.
    public var definition: SelectorDefinition
    /// Where the selector is written.
    public var location: SourceLocation

    /// Creates a named selector.
    public init(name: String, description: String?, isDefault: Bool, definition: SelectorDefinition, location: SourceLocation) {
        self.name = name
        self.description = description
        self.isDefault = isDefault
        self.definition = definition
        self.location = location
    }
}
