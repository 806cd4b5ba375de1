import GRDB

/// `percentile_cont(fraction, x)`: PostgreSQL's continuous percentile, interpolating linearly
/// between the two nearest non-null values.
///
/// SQLite has no `WITHIN GROUP (ORDER BY x)`, so the fraction is the first argument:
/// PostgreSQL's `percentile_cont(0.9) within group (order by x)` is
/// `percentile_cont(0.9, x)` here, the form ingot's SQLite macros emit. The fraction must be
/// the same on every row and between 0 and 1.
struct PercentileCont: DatabaseAggregate {
    var fraction: Double?
    var values: [Double] = []

    mutating func step(_ args: [DatabaseValue]) throws {
        try Percentiles.readFraction(args[0], into: &fraction, "percentile_cont")
        if let x = try FunctionArguments.double(args[1], "percentile_cont") { values.append(x) }
    }

    func finalize() throws -> (any DatabaseValueConvertible)? {
        guard let fraction else { return nil }
        return Percentiles.continuous(values, fraction)
    }
}

/// `percentile_disc(fraction, x)`: PostgreSQL's discrete percentile, the first value (in
/// order) whose cumulative share reaches the fraction; any ordered type. Fraction first, as
/// for ``PercentileCont``.
struct PercentileDisc: DatabaseAggregate {
    var fraction: Double?
    var values: [DatabaseValue] = []

    mutating func step(_ args: [DatabaseValue]) throws {
        try Percentiles.readFraction(args[0], into: &fraction, "percentile_disc")
        if !args[1].isNull { values.append(args[1]) }
    }

    func finalize() throws -> (any DatabaseValueConvertible)? {
        guard let fraction, !values.isEmpty else { return nil }
        let sorted = values.sorted(by: FunctionArguments.less)
        let index = max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1)
        return sorted[min(index, sorted.count - 1)]
    }
}

/// `median(x)`: Redshift's, `percentile_cont(0.5, x)`.
struct Median: DatabaseAggregate {
    var values: [Double] = []

    mutating func step(_ args: [DatabaseValue]) throws {
        if let x = try FunctionArguments.double(args[0], "median") { values.append(x) }
    }

    func finalize() throws -> (any DatabaseValueConvertible)? {
        Percentiles.continuous(values, 0.5)
    }
}

enum Percentiles {
    static func readFraction(_ value: DatabaseValue, into fraction: inout Double?, _ function: String) throws {
        guard let p = try FunctionArguments.double(value, function) else { return }
        guard (0...1).contains(p) else {
            throw FunctionArguments.error(function, "percentile value \(FunctionArguments.sqliteText(p)) is not between 0 and 1")
        }
        fraction = p
    }

    static func continuous(_ values: [Double], _ fraction: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let position = fraction * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = Int(position.rounded(.up))
        if lower == upper { return sorted[lower] }
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}

/// Variance and standard deviation (Welford's running mean), PostgreSQL's four flavours:
/// `variance`/`var_samp` and `stddev`/`stddev_samp` divide by n − 1 (NULL for fewer than two
/// values); `var_pop`/`stddev_pop` by n (NULL for none). Results are reals; PostgreSQL returns
/// `numeric` for integer input, equal to about 15 significant digits.
protocol Dispersion: DatabaseAggregate {
    static var name: String { get }
    static var population: Bool { get }
    static var squareRoot: Bool { get }
    var count: Int { get set }
    var mean: Double { get set }
    var m2: Double { get set }
}

extension Dispersion {
    mutating func step(_ args: [DatabaseValue]) throws {
        guard let x = try FunctionArguments.double(args[0], Self.name) else { return }
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
    }

    func finalize() throws -> (any DatabaseValueConvertible)? {
        let divisor = Self.population ? count : count - 1
        guard divisor > 0 else { return nil }
        let variance = max(0, m2 / Double(divisor))
        return Self.squareRoot ? variance.squareRoot() : variance
    }
}

struct VarianceSample: Dispersion {
    static let name = "var_samp", population = false, squareRoot = false
    var count = 0, mean = 0.0, m2 = 0.0
}

struct VariancePopulation: Dispersion {
    static let name = "var_pop", population = true, squareRoot = false
    var count = 0, mean = 0.0, m2 = 0.0
}

struct StddevSample: Dispersion {
    static let name = "stddev_samp", population = false, squareRoot = true
    var count = 0, mean = 0.0, m2 = 0.0
}

struct StddevPopulation: Dispersion {
    static let name = "stddev_pop", population = true, squareRoot = true
    var count = 0, mean = 0.0, m2 = 0.0
}

extension DatabaseFunction {
    static let percentileCont = DatabaseFunction("percentile_cont", argumentCount: 2, pure: true, aggregate: PercentileCont.self)
    static let percentileDisc = DatabaseFunction("percentile_disc", argumentCount: 2, pure: true, aggregate: PercentileDisc.self)
    static let median = DatabaseFunction("median", argumentCount: 1, pure: true, aggregate: Median.self)
    static let stddev = DatabaseFunction("stddev", argumentCount: 1, pure: true, aggregate: StddevSample.self)
    static let stddevSamp = DatabaseFunction("stddev_samp", argumentCount: 1, pure: true, aggregate: StddevSample.self)
    static let stddevPop = DatabaseFunction("stddev_pop", argumentCount: 1, pure: true, aggregate: StddevPopulation.self)
    static let variance = DatabaseFunction("variance", argumentCount: 1, pure: true, aggregate: VarianceSample.self)
    static let varSamp = DatabaseFunction("var_samp", argumentCount: 1, pure: true, aggregate: VarianceSample.self)
    static let varPop = DatabaseFunction("var_pop", argumentCount: 1, pure: true, aggregate: VariancePopulation.self)
}
