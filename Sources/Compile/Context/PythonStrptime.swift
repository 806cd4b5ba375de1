import Jinja

/// Python's `datetime.strptime` for the common codes (`%Y %m %d %H %M %S %f %y %b %B %p %I %j
/// %%`), and `fromisoformat` for `YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]]`.
enum PythonStrptime {
    static func parse(_ text: String, _ format: String) throws -> CivilTime {
        let input = Array(text)
        var i = 0
        var year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, micro = 0
        var hour12: Int?
        var pm: Bool?
        var dayOfYear: Int?
        func fail() -> JinjaError { JinjaError(.value, "time data \(Value.string(text).pythonRepr) does not match format \(Value.string(format).pythonRepr)") }
        func digits(_ maxCount: Int) throws -> Int {
            var n = 0, count = 0
            while count < maxCount, i < input.count, let d = input[i].wholeNumberValue, input[i].isASCII {
                n = n * 10 + d
                i += 1
                count += 1
            }
            guard count > 0 else { throw fail() }
            return n
        }
        func word(_ names: [String]) throws -> Int {
            for (index, name) in names.enumerated() {
                for candidate in [name, String(name.prefix(3))] {
                    let end = i + candidate.count
                    if end <= input.count, String(input[i..<end]).lowercased() == candidate.lowercased() {
                        i = end
                        return index
                    }
                }
            }
            throw fail()
        }
        var f = format.makeIterator()
        while let c = f.next() {
            if c == "%" {
                guard let code = f.next() else { throw fail() }
                switch code {
                case "Y": year = try digits(4)
                case "y": let y = try digits(2); year = y < 69 ? 2000 + y : 1900 + y
                case "m": month = try digits(2)
                case "d": day = try digits(2)
                case "H": hour = try digits(2)
                case "I": hour12 = try digits(2)
                case "M": minute = try digits(2)
                case "S": second = try digits(2)
                case "j": dayOfYear = try digits(3)
                case "f":
                    let start = i
                    let n = try digits(6)
                    micro = n * Int(pow10(6 - (i - start)))
                case "b", "B", "h": month = try word(PythonStrftime.monthNames) + 1
                case "p": pm = try word(["AM", "PM"]) == 1
                case "%": guard i < input.count, input[i] == "%" else { throw fail() }; i += 1
                default: throw JinjaError(.value, "'\(code)' is a bad directive in format '\(format)'")
                }
            } else if c.isWhitespace {
                while i < input.count, input[i].isWhitespace { i += 1 }
            } else {
                guard i < input.count, input[i] == c else { throw fail() }
                i += 1
            }
        }
        guard i == input.count else {
            throw JinjaError(.value, "unconverted data remains: \(String(input[i...]))")
        }
        if let h = hour12 { hour = h % 12 + ((pm ?? false) ? 12 : 0) }
        if let dayOfYear {
            let t = try CivilTime.fromOrdinal(try CivilTime(year: year, month: 1, day: 1).ordinal + dayOfYear - 1)
            month = t.month
            day = t.day
        }
        return try CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, microsecond: micro)
    }

    private static func pow10(_ n: Int) -> Int { (0..<max(0, n)).reduce(1) { r, _ in r * 10 } }

    static func parseISO(_ text: String) throws -> CivilTime {
        let formats = ["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f",
                       "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f"]
        for format in formats {
            if let t = try? parse(text, format) { return t }
        }
        throw JinjaError(.value, "Invalid isoformat string: \(Value.string(text).pythonRepr)")
    }
}
