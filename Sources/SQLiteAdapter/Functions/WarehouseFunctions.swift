import GRDB

extension DatabaseFunction {
    /// Every function of the warehouse library, scalar and aggregate.
    static let warehouseLibrary: [DatabaseFunction] = [
        // Hashes
        .md5, .sha256,
        // Dates
        .datediff, .dateadd, .dateTrunc, .datePart, .toChar,
        // Strings
        .splitPart, .concat, .concatWS, .left, .right, .lpad, .rpad,
        // Regular expressions
        .regexp, .regexpReplace, .regexpSubstr, .regexpCount,
        // Comparison
        .greatest, .least,
        // Aggregates
        .percentileCont, .percentileDisc, .median,
        .stddev, .stddevSamp, .stddevPop, .variance, .varSamp, .varPop,
        .stringAgg, .listagg, .listaggSeparated, .boolAnd, .boolOr,
    ]
}

/// Registers the Postgres/Redshift-flavoured function library on a connection, so SQL written
/// for those warehouses runs on SQLite: hashes (`md5`, `sha256`), dates (`datediff`,
/// `dateadd`, `date_trunc`, `date_part`, `to_char`), strings (`split_part`, `concat`,
/// `concat_ws`, `left`, `right`, `lpad`, `rpad`), regular expressions (`regexp_replace`,
/// `regexp_substr`, `regexp_count`, the `REGEXP` operator), `greatest`/`least`, and the
/// aggregates `percentile_cont`, `percentile_disc`, `median`, `string_agg`, `listagg`,
/// `bool_and`, `bool_or`, `stddev`, `stddev_samp`, `stddev_pop`, `variance`, `var_samp`,
/// `var_pop`.
///
/// ``SQLiteAdapter`` calls it on every connection it opens; call it yourself on a GRDB
/// connection of your own:
///
/// ```swift
/// var configuration = Configuration()
/// configuration.prepareDatabase { db in registerWarehouseFunctions(on: db) }
/// let queue = try DatabaseQueue(configuration: configuration)
/// try queue.read { db in try String.fetchOne(db, sql: "select split_part('a,b,c', ',', -1)") } // "c"
/// ```
///
/// Dates and timestamps are ISO-8601 text; the functions replace SQLite built-ins of the same
/// name and arity (`concat` and `concat_ws` of SQLite 3.44+).
public func registerWarehouseFunctions(on db: Database) {
    for function in DatabaseFunction.warehouseLibrary {
        db.add(function: function)
    }
}
