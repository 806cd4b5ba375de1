/// Python's `strftime` for naive datetimes and dates, as CPython on Linux (glibc) prints them in
/// the C locale. Supports the `%-d` no-padding flag; unknown codes are kept as written.
enum PythonStrftime {
    private static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// `zone` is the UTC offset in seconds and the zone's name, for aware datetimes (`%z`, `%Z`).
    static func format(_ t: CivilTime, _ format: String, zone: (offset: Int, name: String)? = nil) -> String {
        var out = ""
        var chars = format.makeIterator()
        while let c = chars.next() {
            guard c == "%" else {
                out.append(c)
                continue
            }
            guard var code = chars.next() else {
                out.append("%")
                break
            }
            var unpadded = false
            if code == "-" {
                guard let next = chars.next() else {
                    out += "%-"
                    break
                }
                unpadded = true
                code = next
            }
            func number(_ n: Int, _ width: Int) -> String { unpadded ? String(n) : pad(n, width) }
            switch code {
            case "a": out += String(dayNames[t.weekday].prefix(3))
            case "A": out += dayNames[t.weekday]
            case "w": out += String((t.weekday + 1) % 7)
            case "u": out += String(t.weekday + 1)
            case "d": out += number(t.day, 2)
            case "e": out += unpadded ? String(t.day) : (t.day < 10 ? " \(t.day)" : String(t.day))
            case "b", "h": out += String(monthNames[t.month - 1].prefix(3))
            case "B": out += monthNames[t.month - 1]
            case "m": out += number(t.month, 2)
            case "y": out += number(t.year % 100, 2)
            case "Y": out += String(t.year)
            case "H": out += number(t.hour, 2)
            case "I": out += number(t.hour % 12 == 0 ? 12 : t.hour % 12, 2)
            case "p": out += t.hour < 12 ? "AM" : "PM"
            case "M": out += number(t.minute, 2)
            case "S": out += number(t.second, 2)
            case "f": out += pad(t.microsecond, 6)
            case "z": if let zone { out += offsetString(zone.offset, separator: "") }
            case "Z": if let zone { out += zone.name }
            case "j": out += number(t.dayOfYear, 3)
            case "U": out += number((t.dayOfYear - 1 + 7 - (t.weekday + 1) % 7) / 7, 2)
            case "W": out += number((t.dayOfYear - 1 + 7 - t.weekday) / 7, 2)
            case "G": out += String(isoCalendar(t).year)
            case "V": out += number(isoCalendar(t).week, 2)
            case "c": out += PythonStrftime.format(t, "%a %b %e %H:%M:%S %Y")
            case "x": out += PythonStrftime.format(t, "%m/%d/%y")
            case "D": out += PythonStrftime.format(t, "%m/%d/%y")
            case "X", "T": out += PythonStrftime.format(t, "%H:%M:%S")
            case "F": out += PythonStrftime.format(t, "%Y-%m-%d")
            case "R": out += PythonStrftime.format(t, "%H:%M")
            case "%": out += "%"
            default:
                out += unpadded ? "%-" : "%"
                out.append(code)
            }
        }
        return out
    }

    /// A UTC offset as Python prints it: `+00:00` (or `+0000` without separator).
    static func offsetString(_ seconds: Int, separator: String) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + pad(minutes / 60, 2) + separator + pad(minutes % 60, 2)
    }

    /// ISO 8601 year, week and weekday (Python's `isocalendar()`).
    static func isoCalendar(_ t: CivilTime) -> (year: Int, week: Int, weekday: Int) {
        func week1Monday(_ year: Int) -> Int {
            let jan1 = (try? CivilTime(year: year, month: 1, day: 1))!.ordinal
            let jan1Weekday = (jan1 + 6) % 7
            var monday = jan1 - jan1Weekday
            if jan1Weekday > 3 { monday += 7 }
            return monday
        }
        var year = t.year
        let ordinal = t.ordinal
        var start = week1Monday(year)
        if ordinal < start {
            year -= 1
            start = week1Monday(year)
        } else if year < 9999, ordinal >= week1Monday(year + 1) {
            year += 1
            start = week1Monday(year)
        }
        return (year, (ordinal - start) / 7 + 1, t.weekday + 1)
    }
}
