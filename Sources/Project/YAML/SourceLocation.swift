/// A place in a user's file: the file path (as shown to the user), a 1-based line and a 1-based column.
///
/// Prints as `path:line:col`, the prefix of every error that points into a project file.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the project directory when it lies inside it.
    public var file: String
    /// 1-based line number; 0 when unknown.
    public var line: Int
    /// 1-based column (Unicode scalars, as libyaml counts); 0 when unknown.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, or `file` alone when the line is unknown.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }
}
