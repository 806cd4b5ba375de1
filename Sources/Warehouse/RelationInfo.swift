/// A relation as the warehouse reports it.
public struct RelationInfo: Sendable, Hashable {
    public var database: String?
    public var schema: String?
    public var identifier: String?
    public var type: RelationType?

    public init(database: String?, schema: String?, identifier: String?, type: RelationType? = nil) {
        self.database = database
        self.schema = schema
        self.identifier = identifier
        self.type = type
    }
}
