/// A `{% docs name %}…{% enddocs %}` block from a markdown file.
public struct DocsBlock: Sendable {
    /// The block's name, as `doc('name')` refers to it.
    public var name: String
    /// The text between the tags, stripped of surrounding whitespace (as dbt's `block_contents`).
    public var contents: String
    /// The package the file belongs to.
    public var packageName: String
    /// The file relative to its package root.
    public var originalFilePath: String
    /// Where the opening tag is.
    public var location: SourceLocation

    /// dbt's unique id: `doc.<package>.<name>`.
    public var uniqueID: String { "doc.\(packageName).\(name)" }
}
