/// A column as the warehouse reports it: the base type and its sizes, as dbt's `Column`
/// stores them (`varchar` with `charSize: 20`, `numeric` with precision 10 and scale 2).
public struct ColumnInfo: Sendable, Hashable {
    public var name: String
    public var dataType: String
    public var charSize: Int?
    public var numericPrecision: Int?
    public var numericScale: Int?

    public init(name: String, dataType: String, charSize: Int? = nil, numericPrecision: Int? = nil, numericScale: Int? = nil) {
        self.name = name
        self.dataType = dataType
        self.charSize = charSize
        self.numericPrecision = numericPrecision
        self.numericScale = numericScale
    }
}
