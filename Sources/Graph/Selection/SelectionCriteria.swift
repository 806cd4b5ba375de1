/// One selection term: a method and value with graph operators (`2+tag:nightly+`, `@orders`).
public struct SelectionCriteria: Sendable, Hashable {
    /// The method.
    public var method: SelectionMethod
    /// The value (a pattern for most methods).
    public var value: String
    /// `+x`: include ancestors.
    public var parents: Bool
    /// `n+x`: ancestors up to n generations.
    public var parentsDepth: Int?
    /// `x+`: include descendants.
    public var children: Bool
    /// `x+n`: descendants up to n generations.
    public var childrenDepth: Int?
    /// `@x`: descendants and all their ancestors.
    public var childrensParents: Bool
    /// Overrides the indirect selection mode for this term (selectors.yml).
    public var indirectSelection: IndirectSelection?

    /// Creates a criterion.
    public init(
        method: SelectionMethod, value: String, parents: Bool = false, parentsDepth: Int? = nil,
        children: Bool = false, childrenDepth: Int? = nil, childrensParents: Bool = false,
        indirectSelection: IndirectSelection? = nil
    ) {
        self.method = method
        self.value = value
        self.parents = parents
        self.parentsDepth = parentsDepth
        self.children = children
        self.childrenDepth = childrenDepth
        self.childrensParents = childrensParents
        self.indirectSelection = indirectSelection
    }
}

/// A selection: terms combined by union (space), intersection (comma) and difference (`--exclude`).
public indirect enum SelectionExpression: Sendable, Hashable {
    case criteria(SelectionCriteria)
    case union([SelectionExpression], indirect: IndirectSelection? = nil)
    case intersection([SelectionExpression], indirect: IndirectSelection? = nil)
    case difference(SelectionExpression, SelectionExpression, indirect: IndirectSelection? = nil)
}
