/// What kind of object a relation is in the warehouse (dbt's `RelationType`); its raw value is
/// the string templates compare against (`relation.type == 'view'`).
public enum RelationType: String, Sendable, CaseIterable {
    case table
    case view
    case cte
    case materializedView = "materialized_view"
    case ephemeral
    case external
    case pointerTable = "pointer_table"
    case function
}
