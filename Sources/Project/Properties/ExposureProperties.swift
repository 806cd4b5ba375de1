/// An `exposures:` entry of properties YAML.
public struct ExposureProperties: Sendable {
    /// `name`.
    public var name: String
    /// `label`.
    public var label: String?
    /// `type` (`dashboard`, `notebook`, `analysis`, `ml`, `application`).
    public var type: String
    /// `maturity`.
    public var maturity: String?
    /// `url`.
    public var url: String?
    /// `description`.
    public var description: String
    /// `owner` (`name`, `email`).
    public var owner: ConfigMap
    /// `depends_on`, unrendered (`ref('x')`, `source('a', 'b')`): the Compile module renders them.
    public var dependsOn: [String]
    /// `meta`.
    public var meta: ConfigMap
    /// `tags`.
    public var tags: [String]
    /// `config:`.
    public var config: ConfigMap
    /// The properties file, relative to its package root.
    public var file: String
    /// Where the entry starts.
    public var location: SourceLocation
}
