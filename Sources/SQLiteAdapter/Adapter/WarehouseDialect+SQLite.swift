import Warehouse

extension WarehouseDialect {
    /// SQLite's facts: `"` quotes; relations are `schema.table` (a schema is an attached file,
    /// the profile's `database` is a name only); DDL is transactional, so a table swap commits
    /// or rolls back as one; no `create or replace view` (drop, then create); no `merge`
    /// (delete+insert, or `insert … on conflict`).
    public static let sqlite = WarehouseDialect(
        quoteCharacter: "\"",
        includesDatabase: false,
        transactionalDDL: true,
        supportsCreateOrReplaceView: false,
        supportsMerge: false
    )
}
