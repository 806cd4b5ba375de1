import Foundation
import GRDB

/// Date functions of Redshift and PostgreSQL, on ISO-8601 text (see ``SQLiteTimestamp``).
///
/// The part is the first argument, as a string (`datediff('day', a, b)`), as dbt's
/// cross-database macros emit it for SQLite. A date in gives a date out when the result has
/// no time of day (`dateadd('month', 1, '2024-01-31')` is `'2024-02-29'`); PostgreSQL and
/// Redshift return a timestamp there (`2024-02-29 00:00:00`).
extension DatabaseFunction {
    /// `datediff(part, start, end)`: Redshift's count of `part` boundaries crossed going from
    /// `start` to `end` (`datediff('year', '2024-12-31', '2025-01-01')` is 1). Weeks start on
    /// Monday.
    static let datediff = DatabaseFunction("datediff", argumentCount: 3, pure: true) { args in
        guard let part = try DatePart.named(FunctionArguments.text(args[0]), "datediff"),
              let a = try SQLiteTimestamp.argument(args[1], "datediff"),
              let b = try SQLiteTimestamp.argument(args[2], "datediff") else { return nil }
        return try DateFunctions.difference(part, from: a, to: b)
    }

    /// `dateadd(part, n, timestamp)`: Redshift's `DATEADD`; adding months clamps to the last
    /// day of the month (`dateadd('month', 1, '2024-01-31')` is `'2024-02-29'`).
    static let dateadd = DatabaseFunction("dateadd", argumentCount: 3, pure: true) { args in
        guard let part = try DatePart.named(FunctionArguments.text(args[0]), "dateadd"),
              let n = try FunctionArguments.int(args[1], "dateadd", "the interval"),
              let t = try SQLiteTimestamp.argument(args[2], "dateadd") else { return nil }
        return try DateFunctions.add(n, part, to: t).text
    }

    /// `date_trunc(part, timestamp)`: PostgreSQL's; weeks start on Monday.
    static let dateTrunc = DatabaseFunction("date_trunc", argumentCount: 2, pure: true) { args in
        guard let part = try DatePart.named(FunctionArguments.text(args[0]), "date_trunc"),
              let t = try SQLiteTimestamp.argument(args[1], "date_trunc") else { return nil }
        return try DateFunctions.truncate(t, to: part).text
    }

    /// `date_part(part, timestamp)`: PostgreSQL's `date_part`/`extract` fields (`year`,
    /// `quarter`, `month`, `week` (ISO), `day`, `hour`, `minute`, `second` (with its fraction),
    /// `dow` (0 = Sunday), `isodow`, `doy`, `epoch`, `isoyear`, `decade`, `century`,
    /// `millennium`, `milliseconds`, `microseconds`). An integer when whole, else a real.
    static let datePart = DatabaseFunction("date_part", argumentCount: 2, pure: true) { args in
        guard let part = try DatePart.named(FunctionArguments.text(args[0]), "date_part"),
              let t = try SQLiteTimestamp.argument(args[1], "date_part") else { return nil }
        return DateFunctions.field(part, of: t)
    }

    /// `to_char(timestamp, format)`: PostgreSQL's date formatting (see ``DateFormatter``).
    static let toChar = DatabaseFunction("to_char", argumentCount: 2, pure: true) { args in
        guard let t = try SQLiteTimestamp.argument(args[0], "to_char"),
              let format = FunctionArguments.text(args[1]) else { return nil }
        return PostgresDateFormat.format(t, format)
    }
}

/// The arithmetic behind the date functions.
enum DateFunctions {
    static func difference(_ part: DatePart, from a: SQLiteTimestamp, to b: SQLiteTimestamp) throws -> Int64 {
        func months(_ t: SQLiteTimestamp) -> Int { t.year * 12 + t.month - 1 }
        func micros(_ unit: Int64) -> Int64 { b.epochMicros.floorDiv(unit) - a.epochMicros.floorDiv(unit) }
        switch part {
        case .millennium: return Int64((b.year - 1).floorDiv(1000) - (a.year - 1).floorDiv(1000))
        case .century: return Int64((b.year - 1).floorDiv(100) - (a.year - 1).floorDiv(100))
        case .decade: return Int64(b.year.floorDiv(10) - a.year.floorDiv(10))
        case .year: return Int64(b.year - a.year)
        case .quarter: return Int64(months(b).floorDiv(3) - months(a).floorDiv(3))
        case .month: return Int64(months(b) - months(a))
        case .week: return Int64((b.days + 3).floorDiv(7) - (a.days + 3).floorDiv(7))
        case .day: return Int64(b.days - a.days)
        case .hour: return micros(3_600_000_000)
        case .minute: return micros(60_000_000)
        case .second: return micros(1_000_000)
        case .millisecond: return micros(1000)
        case .microsecond: return micros(1)
        default: throw FunctionArguments.error("datediff", "unsupported date part '\(part.rawValue)'")
        }
    }

    static func addMonths(_ n: Int, to t: SQLiteTimestamp) -> SQLiteTimestamp {
        let (y, m, d) = SQLiteTimestamp.civil(t.days)
        let total = y * 12 + (m - 1) + n
        let (ny, nm) = (total.floorDiv(12), total.floorMod(12) + 1)
        let nd = min(d, SQLiteTimestamp.daysInMonth(ny, nm))
        return SQLiteTimestamp(year: ny, month: nm, day: nd, micros: t.micros, hasTime: t.hasTime)
    }

    static func add(_ n: Int, _ part: DatePart, to t: SQLiteTimestamp) throws -> SQLiteTimestamp {
        func addMicros(_ unit: Int64) -> SQLiteTimestamp {
            SQLiteTimestamp(days: t.days, micros: t.micros + Int64(n) * unit, hasTime: true)
        }
        switch part {
        case .millennium: return addMonths(12_000 * n, to: t)
        case .century: return addMonths(1200 * n, to: t)
        case .decade: return addMonths(120 * n, to: t)
        case .year: return addMonths(12 * n, to: t)
        case .quarter: return addMonths(3 * n, to: t)
        case .month: return addMonths(n, to: t)
        case .week: return SQLiteTimestamp(days: t.days + 7 * n, micros: t.micros, hasTime: t.hasTime)
        case .day: return SQLiteTimestamp(days: t.days + n, micros: t.micros, hasTime: t.hasTime)
        case .hour: return addMicros(3_600_000_000)
        case .minute: return addMicros(60_000_000)
        case .second: return addMicros(1_000_000)
        case .millisecond: return addMicros(1000)
        case .microsecond: return addMicros(1)
        default: throw FunctionArguments.error("dateadd", "unsupported date part '\(part.rawValue)'")
        }
    }

    static func truncate(_ t: SQLiteTimestamp, to part: DatePart) throws -> SQLiteTimestamp {
        let (y, m, _) = SQLiteTimestamp.civil(t.days)
        func firstOf(_ year: Int, _ month: Int = 1) -> SQLiteTimestamp {
            SQLiteTimestamp(year: year, month: month, day: 1, hasTime: t.hasTime)
        }
        func micros(_ unit: Int64) -> SQLiteTimestamp {
            SQLiteTimestamp(days: t.days, micros: t.micros - t.micros % unit, hasTime: t.hasTime)
        }
        switch part {
        case .millennium: return firstOf((y - 1).floorDiv(1000) * 1000 + 1)
        case .century: return firstOf((y - 1).floorDiv(100) * 100 + 1)
        case .decade: return firstOf(y.floorDiv(10) * 10)
        case .year: return firstOf(y)
        case .quarter: return firstOf(y, (m - 1) / 3 * 3 + 1)
        case .month: return firstOf(y, m)
        case .week: return SQLiteTimestamp(days: t.days - (t.isoWeekday - 1), micros: 0, hasTime: t.hasTime)
        case .day: return SQLiteTimestamp(days: t.days, micros: 0, hasTime: t.hasTime)
        case .hour: return micros(3_600_000_000)
        case .minute: return micros(60_000_000)
        case .second: return micros(1_000_000)
        case .millisecond: return micros(1000)
        case .microsecond: return t
        default: throw FunctionArguments.error("date_trunc", "unsupported date part '\(part.rawValue)'")
        }
    }

    static func field(_ part: DatePart, of t: SQLiteTimestamp) -> any DatabaseValueConvertible {
        func number(_ micros: Int64, per unit: Int64) -> any DatabaseValueConvertible {
            micros % unit == 0 ? Int64(micros / unit) : Double(micros) / Double(unit)
        }
        let y = t.year
        switch part {
        case .millennium: return y > 0 ? (y - 1) / 1000 + 1 : -((-y - 1) / 1000 + 1)
        case .century: return y > 0 ? (y - 1) / 100 + 1 : -((-y - 1) / 100 + 1)
        case .decade: return y.floorDiv(10)
        case .year: return y
        case .quarter: return (t.month - 1) / 3 + 1
        case .month: return t.month
        case .week: return t.isoWeek.week
        case .day: return t.day
        case .hour: return t.hour
        case .minute: return t.minute
        case .second: return number(t.micros % 60_000_000, per: 1_000_000)
        case .millisecond: return number(t.micros % 60_000_000, per: 1000)
        case .microsecond: return t.micros % 60_000_000
        case .dayOfWeek: return t.weekday
        case .isoDayOfWeek: return t.isoWeekday
        case .dayOfYear: return t.dayOfYear
        case .epoch: return number(t.epochMicros, per: 1_000_000)
        case .isoYear: return t.isoWeek.year
        }
    }
}
