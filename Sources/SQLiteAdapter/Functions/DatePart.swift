/// A date part named in `datediff`, `dateadd`, `date_trunc` and `date_part`, with
/// Redshift's and PostgreSQL's spellings (`'day'`, `'days'`, `'d'`, `'yr'`, `'qtr'`, …).
enum DatePart: String {
    case millennium, century, decade, year, quarter, month, week, day, hour, minute, second
    case millisecond, microsecond
    case dayOfWeek = "dow", isoDayOfWeek = "isodow", dayOfYear = "doy", epoch, isoYear = "isoyear"

    private static let aliases: [String: DatePart] = {
        var table: [String: DatePart] = [:]
        let spellings: [(DatePart, [String])] = [
            (.millennium, ["millennium", "millennia", "millenniums", "mil", "mils"]),
            (.century, ["century", "centuries", "c", "cent", "cents"]),
            (.decade, ["decade", "decades", "dec", "decs"]),
            (.year, ["year", "years", "y", "yr", "yrs"]),
            (.quarter, ["quarter", "quarters", "qtr", "qtrs"]),
            (.month, ["month", "months", "mon", "mons"]),
            (.week, ["week", "weeks", "w"]),
            (.day, ["day", "days", "d"]),
            (.hour, ["hour", "hours", "h", "hr", "hrs"]),
            (.minute, ["minute", "minutes", "m", "min", "mins"]),
            (.second, ["second", "seconds", "s", "sec", "secs"]),
            (.millisecond, ["millisecond", "milliseconds", "ms", "msec", "msecs", "msecond", "mseconds", "millisec", "millisecs", "millisecon"]),
            (.microsecond, ["microsecond", "microseconds", "us", "usec", "usecs", "usecond", "useconds", "microsec", "microsecs"]),
            (.dayOfWeek, ["dow", "dayofweek", "dw", "weekday"]),
            (.isoDayOfWeek, ["isodow"]),
            (.dayOfYear, ["doy", "dayofyear", "dy", "yearday"]),
            (.epoch, ["epoch"]),
            (.isoYear, ["isoyear"]),
        ]
        for (part, names) in spellings { for name in names { table[name] = part } }
        return table
    }()

    /// The part a function argument names (case and surrounding quotes ignored).
    static func named(_ text: String?, _ function: String) throws -> DatePart? {
        guard let text else { return nil }
        let key = text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")).lowercased()
        guard let part = aliases[key] else {
            throw FunctionArguments.error(function, "unknown date part '\(text)'")
        }
        return part
    }
}

import Foundation
