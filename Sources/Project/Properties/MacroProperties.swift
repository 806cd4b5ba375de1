/// A `macros:` entry of properties YAML.
public struct MacroProperties: Sendable {
    /// One documented argument.
    public struct Argument: Sendable {
        /// `name`.
        public var name: String
        /// `type`.
        public var type: String?
        /// `description`.
        public var description: String
    }
    /// `name`.
    public var name: String
    /// `description`.
    public var description: String
    /// `arguments`.
    public var arguments: [Argument]
    /// `meta`.
    public var meta: ConfigMap
    /// `docs`.
    public var docs: ConfigMap?
    /// The properties file, relative to its package root.
    public var file: String
    /// Where the entry starts.
    public var location: SourceLocation
}
