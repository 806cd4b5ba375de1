import Jinja

/// A Python `datetime.timedelta`: `modules.datetime.timedelta(days=1, hours=2)`.
///
/// Normalised as Python does (`days`, `seconds` in 0..<86400, `microseconds`), printed as
/// `1 day, 2:00:00`; `total_seconds()` gives the length in seconds.
public final class TimeDeltaValue: JinjaObject {
    /// The whole length in microseconds.
    public let microseconds: Int

    public init(microseconds: Int) { self.microseconds = microseconds }

    /// Whole days, rounded towards negative infinity as Python normalises.
    var days: Int {
        let (q, r) = microseconds.quotientAndRemainder(dividingBy: 86_400_000_000)
        return r < 0 ? q - 1 : q
    }
    private var secondsPart: Int { (microseconds - days * 86_400_000_000) / 1_000_000 }
    private var microsecondsPart: Int { (microseconds - days * 86_400_000_000) % 1_000_000 }

    public var typeName: String { "timedelta" }

    public var stringValue: String {
        let s = secondsPart
        var out = "\(s / 3600):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))"
        if days != 0 { out = "\(days) day\(abs(days) == 1 ? "" : "s"), " + out }
        if microsecondsPart != 0 { out += "." + pad(microsecondsPart, 6) }
        return out
    }

    public var reprValue: String {
        var parts: [String] = []
        if days != 0 { parts.append("days=\(days)") }
        if secondsPart != 0 { parts.append("seconds=\(secondsPart)") }
        if microsecondsPart != 0 { parts.append("microseconds=\(microsecondsPart)") }
        return "datetime.timedelta(\(parts.isEmpty ? "0" : parts.joined(separator: ", ")))"
    }

    public var isTruthy: Bool { microseconds != 0 }

    public func attribute(_ name: String) throws -> Value? {
        switch name {
        case "days": return .int(days)
        case "seconds": return .int(secondsPart)
        case "microseconds": return .int(microsecondsPart)
        default: return nil
        }
    }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        guard name == "total_seconds" else { return nil }
        _ = try arguments.bind(name, [])
        return .double(Double(microseconds) / 1_000_000)
    }

    /// `timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)`.
    static func make(_ arguments: Arguments) throws -> TimeDeltaValue {
        let b = try arguments.bind("timedelta", ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"])
        let scale: [Double] = [86_400e6, 1e6, 1, 1e3, 60e6, 3600e6, 604_800e6]
        var exact = 0
        var fractional = 0.0
        for (i, slot) in b.enumerated() {
            guard let v = slot, !v.isNone else { continue }
            if let n = v.intValue {
                exact += n * Int(scale[i])
            } else if let d = v.doubleValue {
                fractional += d * scale[i]
            } else {
                throw JinjaError(.type, "unsupported type for timedelta \(["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"][i]) component: \(v.typeName)")
            }
        }
        return TimeDeltaValue(microseconds: exact + Int(fractional.rounded(.toNearestOrEven)))
    }
}
