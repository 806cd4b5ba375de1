import Jinja

/// A Python `datetime.date`: what `modules.datetime.date(2024, 1, 2)`,
/// `modules.datetime.date.today()` and `some_datetime.date()` return.
///
/// Prints as `2024-01-02`. Attributes `year`, `month`, `day`; methods `isoformat()`,
/// `strftime(fmt)`, `replace(…)`, `weekday()`, `isoweekday()`, `toordinal()`, `isocalendar()`.
public final class DateValue: JinjaObject {
    let time: CivilTime

    init(_ time: CivilTime) { self.time = time }

    /// A date from its parts; throws as Python does for out-of-range parts.
    public convenience init(year: Int, month: Int, day: Int) throws {
        self.init(try CivilTime(year: year, month: month, day: day))
    }

    public var typeName: String { "date" }
    public var stringValue: String { time.dateString }
    public var reprValue: String { "datetime.date(\(time.year), \(time.month), \(time.day))" }

    public func attribute(_ name: String) throws -> Value? { DateValue.dateAttribute(time, name) }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "isoformat":
            _ = try arguments.bind(name, [])
            return .string(time.dateString)
        case "replace":
            let b = try arguments.bind(name, ["year", "month", "day"])
            return .object(DateValue(try CivilTime(
                year: try b[0].map { try ContextArguments.int($0, name, "year") } ?? time.year,
                month: try b[1].map { try ContextArguments.int($0, name, "month") } ?? time.month,
                day: try b[2].map { try ContextArguments.int($0, name, "day") } ?? time.day)))
        default:
            return try DateValue.dateMethod(time, name, arguments)
        }
    }

    /// The attributes dates and datetimes share.
    static func dateAttribute(_ time: CivilTime, _ name: String) -> Value? {
        switch name {
        case "year": return .int(time.year)
        case "month": return .int(time.month)
        case "day": return .int(time.day)
        default: return nil
        }
    }

    /// The methods dates and datetimes share.
    static func dateMethod(_ time: CivilTime, _ name: String, _ arguments: Arguments) throws -> Value? {
        switch name {
        case "strftime":
            let b = try arguments.bind(name, ["format"], required: 1)
            return .string(PythonStrftime.format(time, try ContextArguments.string(b[0], name, "format")))
        case "weekday":
            return .int(time.weekday)
        case "isoweekday":
            return .int(time.weekday + 1)
        case "toordinal":
            return .int(time.ordinal)
        case "isocalendar":
            let iso = PythonStrftime.isoCalendar(time)
            return .tuple([.int(iso.year), .int(iso.week), .int(iso.weekday)])
        default:
            return nil
        }
    }
}
