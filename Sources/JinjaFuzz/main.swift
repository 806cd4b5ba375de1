// jinja-fuzz: a deterministic mutation fuzzer for the Jinja engine, seeded from the
// differential corpus (Tests/JinjaTests/Corpus/cases).
//
// Every iteration takes one corpus template (and its context), applies 1–4 mutations drawn
// from a PRNG seeded by (seed, iteration), then parses and renders the result with bounded
// limits. A thrown `JinjaError` is the expected outcome for garbage; a finding is:
//   - a crash (trap, precondition failure, stack overflow: the worker process dies),
//   - a hang (the worker is killed after --hang-timeout seconds),
//   - an input that takes longer than --slow seconds of CPU time,
//   - an error that is not a `JinjaError` (or a `JinjaError` wrapping a foreign error).
// Findings are printed (escaped) to stderr and written to fuzz-findings/<n>.jinja, with
// <n>.txt saying why, the context and the command that replays them; the exit status is 1 if
// there were any.
//
// The iterations run in a worker child process so that a crash is recorded and the run goes
// on from the next iteration; progress and the input being run live in a small file the
// supervisor and the worker both map. Renders run on a thread with a --stack-size stack
// (default 512 KiB, what small worker threads get), so deep recursion shows up as a crash.
//
//   swift build -c release --product jinja-fuzz
//   .build/release/jinja-fuzz --iterations 1000000 --seed 1
//   .build/release/jinja-fuzz --replay fuzz-findings/1.jinja --context '{"x": 1}' --undefined strict
//   .build/release/jinja-fuzz --seed 1 --start 4711 --iterations 1 --dump   # print one input

import Foundation
import Jinja

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Options

struct Options {
    var iterations = 100_000
    var seed: UInt64 = 1
    var corpus = "Tests/JinjaTests/Corpus/cases"
    var reportEvery = 0
    var start = 0
    var findingsDir = "fuzz-findings"
    var stackSize = 512 << 10
    var slowSeconds = 1.0
    var hangSeconds = 10.0
    var maxSteps = 100_000
    var maxSequenceLength = 1_000_000
    var worker = false
    var sharedPath: String?
    var inProcess = false
    var dump = false
    var replay: String?
    var context = "{}"
    var undefined: String?

    static let usage = """
        usage: jinja-fuzz [--iterations N] [--seed S] [--corpus DIR] [--report-every N]
                          [--start K] [--findings DIR] [--stack-size BYTES] [--slow SECONDS]
                          [--hang-timeout SECONDS] [--max-steps N] [--max-sequence N]
                          [--in-process] [--dump]
               jinja-fuzz --replay FILE [--context JSON] [--undefined lenient|strict|chainable]
        """

    static func parse(_ arguments: [String]) -> Options {
        var o = Options()
        var i = 0
        func value() -> String {
            i += 1
            guard i < arguments.count else { fail("missing value after \(arguments[i - 1])") }
            return arguments[i]
        }
        func int(_ s: String) -> Int {
            guard let n = Int(s.replacingOccurrences(of: "_", with: "")), n >= 0 else { fail("not a count: \(s)") }
            return n
        }
        func double(_ s: String) -> Double {
            guard let d = Double(s), d > 0 else { fail("not a duration: \(s)") }
            return d
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--iterations": o.iterations = int(value())
            case "--seed":
                let s = value()
                guard let n = UInt64(s) else { fail("not a seed: \(s)") }
                o.seed = n
            case "--corpus": o.corpus = value()
            case "--report-every": o.reportEvery = int(value())
            case "--start": o.start = int(value())
            case "--findings": o.findingsDir = value()
            case "--stack-size": o.stackSize = max(64 << 10, int(value()))
            case "--slow": o.slowSeconds = double(value())
            case "--hang-timeout": o.hangSeconds = double(value())
            case "--max-steps": o.maxSteps = int(value())
            case "--max-sequence": o.maxSequenceLength = int(value())
            case "--worker": o.worker = true
            case "--shared": o.sharedPath = value()
            case "--in-process": o.inProcess = true
            case "--dump": o.dump = true
            case "--replay": o.replay = value()
            case "--context": o.context = value()
            case "--undefined": o.undefined = value()
            case "-h", "--help":
                print(usage)
                exit(0)
            default: fail("unknown argument \(arguments[i])\n\(usage)")
            }
            i += 1
        }
        return o
    }

    /// The arguments a worker or a replay needs to reproduce this run.
    var workerArguments: [String] {
        ["--iterations", String(iterations), "--start", String(start), "--seed", String(seed), "--corpus", corpus,
         "--report-every", String(reportEvery), "--findings", findingsDir, "--stack-size", String(stackSize),
         "--slow", String(slowSeconds), "--hang-timeout", String(hangSeconds), "--max-steps", String(maxSteps),
         "--max-sequence", String(maxSequenceLength)]
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("jinja-fuzz: \(message)\n".utf8))
    exit(2)
}

func log(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

// MARK: - PRNG

/// SplitMix64: tiny, fast, and the same on every platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64, stream: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 ^ (stream &+ 0x632B_E59B_D9B4_E019) &* 0xD1B5_4A32_D192_ED03
        _ = next()
    }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<n (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

// MARK: - Corpus

struct Seed {
    let name: String
    let context: String
    let template: [UInt8]
}

func loadCorpus(_ directory: String) -> [Seed] {
    guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
        fail("cannot read corpus directory \(directory)")
    }
    var seeds: [Seed] = []
    for file in files.sorted() where file.hasSuffix(".txt") {
        guard let data = FileManager.default.contents(atPath: directory + "/" + file) else { continue }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\n---\n") else { continue }
        seeds.append(Seed(name: String(file.dropLast(4)), context: String(text[..<split.lowerBound]),
                          template: Array(text[split.upperBound...].utf8)))
    }
    if seeds.isEmpty { fail("no cases in \(directory)") }
    return seeds
}

func parseContext(_ json: String) -> [String: Value] {
    guard case .dict(let d)? = try? Value.parseJSON(json) else { return [:] }
    var vars: [String: Value] = [:]
    for (k, v) in d.items { vars[k.pythonString] = v }
    return vars
}

// MARK: - Mutations

enum Mutator {
    /// Fragments worth inserting: delimiters, statements, operators, and things that are costly
    /// or deep when evaluated.
    static let tokens: [String] = [
        "{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "{%-", "-%}", "{%+", "{{ x }}",
        "{% for x in range(9) %}", "{% endfor %}", "{% for k, v in d.items() %}", "{% else %}",
        "{% for x in xs recursive %}{{ loop(x) }}{% endfor %}", "{{ loop(xs) }}", "loop.index", "loop.cycle(1, 2)",
        "{% if x %}", "{% elif y %}", "{% endif %}", "{% if %}",
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "{% macro m(a, b=1) %}", "{% endmacro %}",
        "{% macro m(a) %}{{ caller(a) }}{% endmacro %}{% call(x) m(1) %}{{ m(x) }}{% endcall %}",
        "{% call m() %}", "{% endcall %}", "{{ caller() }}", "{% set x = ", "{% set x %}", "{% endset %}",
        "{% set x | upper %}", "{% filter upper %}", "{% endfilter %}", "{% with a = 1 %}", "{% endwith %}",
        "{% raw %}", "{% endraw %}", "{% do ", "{% print ", "varargs", "kwargs", "caller",
        "(", ")", "[", "]", "{", "}", "|", "**", "~", "*", "/", "//", "%", "+", "-", ",", ":", ".", "=",
        "==", "!=", "<", "<=", ">", ">=", " is ", " is not ", " in ", " not in ", " not ", " and ", " or ",
        " if ", " else ", "'", "\"", "\\", "\\u", "\\x", "x", "y", "d", "xs", "none", "true", "undefined_name",
        "99999999999999999999999999", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "1e308", "1e309", "-1e308", "1e-400", "0", "-1", "0.0", "1_000", "0x10", "0o7", "0b1", ".5", "1.",
        "'x' * 99999999", "[1] * 99999999", "(1,) * 99999999", "range(99999999)", "range(0, 99999999, -1)",
        "range(-9223372036854775808, 9223372036854775807)", "9223372036854775807 + 1", "-9223372036854775808 // -1",
        "2 ** 99999", "2 ** -1", "2 ** 63", "10 ** 18 * 10", "1 / 0", "1 // 0", "1 % 0", "-9223372036854775808 % -1",
        "'ab' * 9223372036854775807", "[1, 2] * 4611686018427387904", "(1,) * -9223372036854775808",
        "|indent(-5)", "|indent(9223372036854775807)", "|center(9223372036854775807)", "|truncate(9223372036854775807)",
        "|batch(9223372036854775807, 0)", "|slice(9223372036854775807)", "|int(base=1)", "|int(base=37)",
        "|tojson(indent=-1)", "|tojson(indent=9223372036854775807)", "'%99999999999999999999d' % 1",
        "'%.99999999999999999999f' % 1.0", "'x'.zfill(9223372036854775807)", "'x'.center(5, 'ab')",
        "'%s' % ", "'%d' % 1e308", "'%99999999d' % 1", "'%.99999999f' % 1", "'{}'.format(", "'{:99999999}'.format(1)",
        "'{0[0]}'.format(", "'{:,}'.format(-9223372036854775808)", "'x'.center(99999999)", "'x'.ljust(-5)",
        "'ab'.split('')", "'ab'.replace('', 'x', -1)", "'a'.zfill(99999999)", "'a'.expandtabs(99999999)",
        "|join", "|join(', ')", "|list", "|sort", "|sort(attribute='x')", "|unique", "|reverse", "|map('string')",
        "|map(attribute='x')", "|select('odd')", "|reject", "|batch(0)", "|batch(99999999)", "|slice(0)",
        "|slice(99999999)", "|round(99999)", "|round(-99999)", "|indent(99999999)", "|center(99999999)",
        "|truncate(-1)", "|truncate(0, leeway=-5)", "|wordwrap(0)", "|wordwrap(1, break_long_words=false)",
        "|format(", "|replace('', 'xx')", "|tojson", "|tojson(indent=99999)", "|pprint", "|string", "|int",
        "|int(base=99)", "|float", "|abs", "|first", "|last", "|length", "|sum", "|min", "|max", "|dictsort",
        "|groupby('x')", "|items", "|trim", "|striptags", "|urlencode", "|filesizeformat", "|title",
        "|default(x)", "|e", "|safe", "|attr('x')", "|xmlattr", "|wordcount", "|unknown_filter",
        "namespace(", "ns.x", "{% set ns = namespace(x=1) %}{% set ns.x = ns %}{{ ns }}", "dict(", "dict(**", "*xs",
        "cycler(1, 2)", "joiner()", "lipsum(99999)", "range(", "x.append(x)", "x.items()", "x.keys()",
        "{% set l = [] %}{% do l.append(l) %}{{ l }}", "{% set l = [] %}{% do l.append(l) %}{{ l|tojson }}",
        "{% set l = [] %}{% do l.append(l) %}{{ l == l }}{{ l|sort }}{{ l|unique|list }}",
        "{% set a = [] %}{% set b = [] %}{% do a.append(b) %}{% do b.append(a) %}{{ a == b }}",
        "{% set d = {} %}{% do d.update({'a': d}) %}{{ d }}{{ d|dictsort }}{{ d|pprint }}",
        "{% set ns = namespace(v=[]) %}{% for i in range(20000) %}{% set ns.v = [ns.v] %}{% endfor %}{{ ns.v|length }}",
        "{% set ns = namespace(v=[]) %}{% for i in range(3000) %}{% set ns.v = [ns.v] %}{% endfor %}{{ ns.v }}",
        "{% set ns = namespace(v=()) %}{% for i in range(20000) %}{% set ns.v = (ns.v,) %}{% endfor %}{{ ns.v == ns.v }}",
        "{% set ns = namespace(v={}) %}{% for i in range(20000) %}{% set ns.v = {'a': ns.v} %}{% endfor %}{{ ns.v|tojson|length }}",
        "\u{0}", "\u{FEFF}", "é", "日本", "🦀", "\r\n", "\n", "\t", "\r", " ", "{{ '\u{10FFFF}' }}",
    ]

    static let nestingPatterns: [(open: String, atom: String, close: String)] = [
        ("(", "1", ")"), ("[", "1", "]"), ("{'a': ", "1", "}"), ("-", "1", ""), ("+", "1", ""), ("not ", "x", ""),
        ("(", "", ",)"), ("[", "", "]"), ("f(", "1", ")"), ("x[", "0", "]"), ("(1 if ", "x", " else 2)"),
        ("{% if x %}", "y", "{% endif %}"), ("{% for a in [1] %}", "y", "{% endfor %}"),
        ("{% with a = 1 %}", "y", "{% endwith %}"), ("{% filter upper %}", "y", "{% endfilter %}"),
        ("{% set v %}", "y", "{% endset %}"), ("{% macro m() %}", "y", "{% endmacro %}"),
        ("{% call m() %}", "y", "{% endcall %}"), ("{% raw %}", "y", "{% endraw %}"), ("{{ ", "1", " }}"),
    ]

    /// Left-deep chains: flat to parse, as deep as they are long once built.
    static let chainPatterns: [(head: String, link: String)] = [
        ("1", "+1"), ("1", "-1"), ("1", "*1"), ("2", "**1"), ("'a'", "~'a'"), ("x", ".y"), ("x", "[0]"),
        ("x", "()"), ("x", "|string"), ("x", "|default(1)"), ("1", " and 1"), ("1", " or 1"), ("1", " < 1"),
        ("1", " if x"), ("x", " is defined"), ("1", ", 1"), ("x", ".y()"), ("1", " in xs"),
    ]

    static let depths = [50, 100, 200, 300, 500, 1000, 3000, 10000]

    static func mutate(_ input: inout [UInt8], _ rng: inout SplitMix64, seeds: [Seed]) {
        let count = 1 + rng.below(4)
        for _ in 0..<count { mutateOnce(&input, &rng, seeds: seeds) }
        if input.count > 4 << 20 { input.removeLast(input.count - (4 << 20)) }
    }

    private static func repeated(_ unit: String, _ count: Int) -> [UInt8] {
        let bytes = Array(unit.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * count)
        for _ in 0..<count { out.append(contentsOf: bytes) }
        return out
    }

    private static func position(_ input: [UInt8], _ rng: inout SplitMix64) -> Int { rng.below(input.count + 1) }

    private static func randomRange(_ input: [UInt8], _ rng: inout SplitMix64, maxLength: Int) -> Range<Int> {
        guard !input.isEmpty else { return 0..<0 }
        let start = rng.below(input.count)
        let length = 1 + rng.below(min(maxLength, input.count - start))
        return start..<(start + length)
    }

    private static func mutateOnce(_ input: inout [UInt8], _ rng: inout SplitMix64, seeds: [Seed]) {
        switch rng.below(16) {
        case 0: // insert a byte: mostly printable ASCII, sometimes anything
            let byte: UInt8 = rng.chance(80) ? UInt8(32 + rng.below(95)) : UInt8(rng.below(256))
            input.insert(byte, at: position(input, &rng))
        case 1: // delete a short range
            input.removeSubrange(randomRange(input, &rng, maxLength: 8))
        case 2: // replace a byte
            if !input.isEmpty { input[rng.below(input.count)] = UInt8(32 + rng.below(95)) }
        case 3: // flip a bit
            if !input.isEmpty { input[rng.below(input.count)] ^= UInt8(1 << rng.below(8)) }
        case 4: // splice in part of another template
            let other = rng.pick(seeds).template
            let piece = Array(other[randomRange(other, &rng, maxLength: 64)])
            input.insert(contentsOf: piece, at: position(input, &rng))
        case 5: // cross over: this template's head, another's tail
            let other = rng.pick(seeds).template
            let cut = position(input, &rng)
            let otherCut = rng.below(other.count + 1)
            input = Array(input[..<cut]) + Array(other[otherCut...])
        case 6: // duplicate a range, sometimes many times
            let range = randomRange(input, &rng, maxLength: 32)
            let piece = Array(input[range])
            let times = rng.chance(80) ? 1 : rng.pick([10, 100, 1000])
            var copies: [UInt8] = []
            for _ in 0..<times { copies.append(contentsOf: piece) }
            input.insert(contentsOf: copies, at: range.upperBound)
        case 7, 8, 9: // insert a Jinja token or a hostile fragment
            input.insert(contentsOf: Array(rng.pick(tokens).utf8), at: position(input, &rng))
        case 10: // deep nesting
            let p = rng.pick(nestingPatterns)
            let n = rng.pick(depths)
            var s: [UInt8] = []
            let wrap = rng.chance(30) && !p.open.hasPrefix("{%") && !p.open.hasPrefix("{{")
            if wrap { s += Array("{{ ".utf8) }
            s += repeated(p.open, n)
            s += Array(p.atom.utf8)
            s += repeated(p.close, n)
            if wrap { s += Array(" }}".utf8) }
            if rng.chance(20) { s.removeLast(rng.below(min(10, s.count))) } // unbalanced
            input.insert(contentsOf: s, at: position(input, &rng))
        case 11: // long chains
            let p = rng.pick(chainPatterns)
            let n = rng.pick(depths + [100_000])
            let wrap = rng.chance(60)
            var s: [UInt8] = wrap ? Array("{{ ".utf8) : []
            s += Array(p.head.utf8)
            s += repeated(p.link, n)
            if wrap { s += Array(" }}".utf8) }
            input.insert(contentsOf: s, at: position(input, &rng))
        case 12: // a long string, text or literal
            let n = rng.pick([1000, 100_000, 1_000_000])
            let filler = repeated(rng.pick(["x", "é", " ", "{", "\\", "'"]), n)
            let s = rng.chance(50) ? Array("{{ '".utf8) + filler + Array("' }}".utf8) : filler
            input.insert(contentsOf: s, at: position(input, &rng))
        case 13: // a number, often an extreme one
            let n = rng.pick(["0", "1", "-1", "255", "65536", "2147483648", "9223372036854775807", "9223372036854775808",
                              "18446744073709551616", "1e308", "1e-308", "3.14", String(rng.next())])
            input.insert(contentsOf: Array(n.utf8), at: position(input, &rng))
        case 14: // swap two ranges
            guard input.count > 2 else { break }
            let a = randomRange(input, &rng, maxLength: 16)
            let piece = Array(input[a])
            input.removeSubrange(a)
            input.insert(contentsOf: piece, at: position(input, &rng))
        default: // truncate
            if !input.isEmpty { input.removeLast(rng.below(min(input.count, 16)) + 1) }
        }
    }
}

// MARK: - Running one input

enum Outcome {
    case rendered
    case parseError
    case renderError(limit: Bool)
    case finding(String)
}

let undefinedModes: [(String, UndefinedBehavior)] = [("lenient", .lenient), ("strict", .strict), ("chainable", .chainable)]

func undefinedMode(named name: String) -> UndefinedBehavior? {
    undefinedModes.first { $0.0 == name }?.1
}

func run(_ template: String, context: [String: Value], undefined: UndefinedBehavior, options: Options) -> Outcome {
    var env = Environment()
    env.undefinedBehavior = undefined
    env.limits.maxSteps = options.maxSteps
    env.limits.maxSequenceLength = options.maxSequenceLength
    let parsed: Template
    do {
        parsed = try env.template(template, name: "fuzz")
    } catch let e as JinjaError {
        if e.kind == .host, let inner = e.underlying {
            return .finding("parse wrapped a non-JinjaError: \(type(of: inner)): \(e.summary)")
        }
        return .parseError
    } catch {
        return .finding("parse threw a non-JinjaError: \(type(of: error)): \(error)")
    }
    do {
        _ = try parsed.render(context)
        return .rendered
    } catch let e as JinjaError {
        // `.host` is also how Python's own exceptions (KeyError…) surface; a wrapped foreign
        // error is not: no host function is registered here, so one means a leak.
        if e.kind == .host, let inner = e.underlying {
            return .finding("render wrapped a non-JinjaError: \(type(of: inner)): \(e.summary)")
        }
        return .renderError(limit: e.kind == .limit)
    } catch {
        return .finding("render threw a non-JinjaError: \(type(of: error)): \(error)")
    }
}

func escaped(_ bytes: [UInt8], limit: Int = 600) -> String {
    var out = ""
    for b in bytes.prefix(limit) {
        switch b {
        case UInt8(ascii: "\\"): out += "\\\\"
        case UInt8(ascii: "\n"): out += "\\n"
        case UInt8(ascii: "\t"): out += "\\t"
        case UInt8(ascii: "\r"): out += "\\r"
        case 32..<127: out.append(Character(Unicode.Scalar(b)))
        default: out += "\\x" + (b < 16 ? "0" : "") + String(b, radix: 16)
        }
    }
    if bytes.count > limit { out += "… (\(bytes.count) bytes in all)" }
    return out
}

// MARK: - Shared state between supervisor and worker

/// A small file both processes map: counters, the iteration in progress and its input, so the
/// supervisor can report a worker that crashed or hangs.
final class Shared: @unchecked Sendable {
    static let headerSize = 4096
    static let maxInput = 4 << 20
    static let size = headerSize + maxInput
    let base: UnsafeMutableRawPointer

    enum Slot: Int {
        case current, startNanos, completed, parseErrors, renderErrors, limitErrors, rendered, findings,
             inputLength, done, caseIndex, mode, slowestNanos, slowestIteration, runStartNanos
    }

    init(path: String, create: Bool) {
        let fd = open(path, create ? (O_RDWR | O_CREAT | O_TRUNC) : O_RDWR, 0o600)
        guard fd >= 0 else { fail("cannot open \(path)") }
        if create, ftruncate(fd, off_t(Shared.size)) != 0 { fail("cannot size \(path)") }
        guard let p = mmap(nil, Shared.size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), p != MAP_FAILED else {
            fail("cannot map \(path)")
        }
        close(fd)
        base = p
    }

    subscript(slot: Slot) -> Int {
        get { base.load(fromByteOffset: slot.rawValue * 8, as: Int.self) }
        set { base.storeBytes(of: newValue, toByteOffset: slot.rawValue * 8, as: Int.self) }
    }

    func setInput(_ bytes: [UInt8]) {
        let n = min(bytes.count, Shared.maxInput)
        bytes.withUnsafeBytes { base.advanced(by: Shared.headerSize).copyMemory(from: $0.baseAddress!, byteCount: n) }
        self[.inputLength] = n
    }

    var input: [UInt8] {
        let n = self[.inputLength]
        return Array(UnsafeRawBufferPointer(start: base.advanced(by: Shared.headerSize), count: n))
    }
}

func nowNanos() -> Int { Int(DispatchTime.now().uptimeNanoseconds) }

/// CPU time of the calling thread: what "slow" is judged by, so a busy machine does not turn
/// ordinary inputs into findings (hangs are judged by wall time, in the supervisor).
func threadCPUNanos() -> Int {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return t.tv_sec * 1_000_000_000 + t.tv_nsec
}

// MARK: - Findings

func recordFinding(_ reason: String, input: [UInt8], iteration: Int, seed: Seed, mode: String,
                   shared: Shared, options: Options) {
    shared[.findings] += 1
    let n = shared[.findings]
    try? FileManager.default.createDirectory(atPath: options.findingsDir, withIntermediateDirectories: true)
    let path = "\(options.findingsDir)/\(n).jinja"
    _ = FileManager.default.createFile(atPath: path, contents: Data(input))
    let contextArgument = "'" + seed.context.replacingOccurrences(of: "'", with: "'\\''") + "'"
    let replay = "jinja-fuzz --replay \(path) --context \(contextArgument) --undefined \(mode)"
    let info = """
        reason: \(reason)
        iteration: \(iteration) (seed \(options.seed); regenerate with --seed \(options.seed) --start \(iteration) --iterations 1 --dump)
        corpus case: \(seed.name)
        undefined: \(mode)
        context: \(seed.context)
        replay: \(replay)

        """
    _ = FileManager.default.createFile(atPath: "\(options.findingsDir)/\(n).txt", contents: Data(info.utf8))
    log("jinja-fuzz: FINDING \(n) at iteration \(iteration) (\(seed.name), \(mode)): \(reason)\n  input: \(escaped(input))\n  saved: \(path)\n  replay: \(replay)")
}

// MARK: - Worker

/// Runs `body` on a new thread with a stack of `stackSize` bytes and waits for it.
func onThread(stackSize: Int, _ body: @escaping () -> Void) {
    final class Box { let body: () -> Void; init(_ b: @escaping () -> Void) { body = b } }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, stackSize)
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    #if canImport(Darwin)
    var thread: pthread_t?
    #else
    var thread = pthread_t()
    #endif
    let rc = pthread_create(&thread, &attributes, { context in
        let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
        box.body()
        return nil
    }, box)
    guard rc == 0 else { fail("pthread_create failed (\(rc))") }
    #if canImport(Darwin)
    pthread_join(thread!, nil)
    #else
    pthread_join(thread, nil)
    #endif
}

func iterationInput(_ iteration: Int, seeds: [Seed], options: Options) -> (Int, [UInt8], Int) {
    var rng = SplitMix64(seed: options.seed, stream: UInt64(iteration))
    let index = rng.below(seeds.count)
    var input = seeds[index].template
    Mutator.mutate(&input, &rng, seeds: seeds)
    return (index, input, iteration % undefinedModes.count)
}

func runWorker(options: Options, shared: Shared) {
    let seeds = loadCorpus(options.corpus)
    let end = options.start + options.iterations
    onThread(stackSize: options.stackSize) {
        var iteration = shared[.completed]
        while iteration < end {
            let (index, input, modeIndex) = iterationInput(iteration, seeds: seeds, options: options)
            let seed = seeds[index]
            shared.setInput(input)
            shared[.caseIndex] = index
            shared[.mode] = modeIndex
            shared[.startNanos] = nowNanos()
            shared[.current] = iteration
            let cpuStart = threadCPUNanos()
            let outcome = run(String(decoding: input, as: UTF8.self), context: parseContext(seed.context),
                              undefined: undefinedModes[modeIndex].1, options: options)
            let elapsed = threadCPUNanos() - cpuStart
            shared[.startNanos] = 0
            switch outcome {
            case .rendered: shared[.rendered] += 1
            case .parseError: shared[.parseErrors] += 1
            case .renderError(let limit):
                shared[.renderErrors] += 1
                if limit { shared[.limitErrors] += 1 }
            case .finding(let reason):
                recordFinding(reason, input: input, iteration: iteration, seed: seed, mode: undefinedModes[modeIndex].0,
                              shared: shared, options: options)
            }
            if elapsed > shared[.slowestNanos] {
                shared[.slowestNanos] = elapsed
                shared[.slowestIteration] = iteration
            }
            if Double(elapsed) / 1e9 > options.slowSeconds {
                recordFinding(String(format: "took %.2f s of CPU (limit %.2f s)", Double(elapsed) / 1e9, options.slowSeconds),
                              input: input, iteration: iteration, seed: seed, mode: undefinedModes[modeIndex].0,
                              shared: shared, options: options)
            }
            iteration += 1
            shared[.completed] = iteration
            if options.reportEvery > 0, iteration % options.reportEvery == 0 {
                log(progressLine(shared, seconds: Double(nowNanos() - shared[.runStartNanos]) / 1e9, prefix: "progress"))
            }
        }
    }
    shared[.done] = 1
}

func progressLine(_ shared: Shared, seconds: Double, prefix: String? = nil) -> String {
    let head = prefix.map { "jinja-fuzz \($0):" } ?? "jinja-fuzz:"
    return String(format: "%@ %d iterations, %d findings, %d parse errors, %d render errors (%d limits), %d rendered, slowest %.3f s CPU (iteration %d) in %.1f s",
                  head, shared[.completed], shared[.findings], shared[.parseErrors], shared[.renderErrors],
                  shared[.limitErrors], shared[.rendered], Double(shared[.slowestNanos]) / 1e9,
                  shared[.slowestIteration], seconds)
}

// MARK: - Supervisor

func executablePath() -> String {
    #if os(Linux)
    if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
    #endif
    return Bundle.main.executablePath ?? CommandLine.arguments[0]
}

func supervise(options: Options) -> Int32 {
    let seeds = loadCorpus(options.corpus)
    let sharedPath = NSTemporaryDirectory() + "/jinja-fuzz-\(getpid()).state"
    let shared = Shared(path: sharedPath, create: true)
    defer { unlink(sharedPath) }
    shared[.completed] = options.start
    shared[.slowestIteration] = -1
    let started = nowNanos()
    shared[.runStartNanos] = started
    var environment = ProcessInfo.processInfo.environment
    if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
    var restarts = 0
    while shared[.done] == 0 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath())
        process.arguments = options.workerArguments + ["--worker", "--shared", sharedPath]
        process.environment = environment
        do { try process.run() } catch { fail("cannot start worker: \(error)") }
        var hung = false
        while process.isRunning {
            usleep(20_000)
            let start = shared[.startNanos]
            if start > 0, Double(nowNanos() - start) / 1e9 > options.hangSeconds {
                kill(process.processIdentifier, SIGKILL)
                hung = true
                break
            }
        }
        process.waitUntilExit()
        if shared[.done] != 0 { break }
        // The worker died (or was killed) in the middle of `current`: record it and go on.
        let iteration = shared[.current]
        let reason: String
        if hung {
            reason = String(format: "hang: still running after %.0f s", options.hangSeconds)
        } else if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            let name = signal == SIGSEGV ? "SIGSEGV (stack overflow?)" : signal == SIGILL ? "SIGILL (trap)"
                : signal == SIGTRAP ? "SIGTRAP (trap)" : signal == SIGABRT ? "SIGABRT" : signal == SIGBUS ? "SIGBUS" : "signal \(signal)"
            reason = "crash: \(name)"
        } else {
            reason = "worker exited with status \(process.terminationStatus)"
        }
        if shared[.startNanos] == 0 && !hung && iteration + 1 == shared[.completed] {
            // Died between iterations: nothing to blame on an input.
            fail("worker died outside an iteration: \(reason)")
        }
        recordFinding(reason, input: shared.input, iteration: iteration, seed: seeds[shared[.caseIndex]],
                      mode: undefinedModes[shared[.mode]].0, shared: shared, options: options)
        shared[.startNanos] = 0
        shared[.completed] = iteration + 1
        restarts += 1
    }
    let seconds = Double(nowNanos() - started) / 1e9
    print(progressLine(shared, seconds: seconds) + " (seed \(options.seed), stack \(options.stackSize >> 10) KiB)")
    return shared[.findings] > 0 ? 1 : 0
}

/// Runs everything in this process (no crash recovery); for debuggers.
func runInProcess(options: Options) -> Int32 {
    let path = NSTemporaryDirectory() + "/jinja-fuzz-\(getpid()).state"
    let shared = Shared(path: path, create: true)
    defer { unlink(path) }
    shared[.completed] = options.start
    let started = nowNanos()
    shared[.runStartNanos] = started
    runWorker(options: options, shared: shared)
    print(progressLine(shared, seconds: Double(nowNanos() - started) / 1e9) + " (seed \(options.seed), stack \(options.stackSize >> 10) KiB)")
    return shared[.findings] > 0 ? 1 : 0
}

// MARK: - Replay and dump

func replay(options: Options, path: String) -> Int32 {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    let modes = options.undefined.map { name -> [UndefinedBehavior] in
        guard let m = undefinedMode(named: name) else { fail("unknown undefined mode \(name)") }
        return [m]
    } ?? undefinedModes.map(\.1)
    let template = String(decoding: data, as: UTF8.self)
    var status: Int32 = 0
    onThread(stackSize: options.stackSize) {
        for mode in modes {
            var env = Environment()
            env.undefinedBehavior = mode
            env.limits.maxSteps = options.maxSteps
            env.limits.maxSequenceLength = options.maxSequenceLength
            let start = nowNanos()
            do {
                let output = try env.template(template, name: path).render(parseContext(options.context))
                print("[\(mode)] rendered \(output.utf8.count) bytes: \(escaped(Array(output.utf8), limit: 300))")
            } catch let e as JinjaError {
                print("[\(mode)] JinjaError .\(e.kind): \(e.summary.prefix(300))")
                if e.kind == .host, e.underlying != nil { status = 1 }
            } catch {
                print("[\(mode)] non-JinjaError \(type(of: error)): \(error)")
                status = 1
            }
            print(String(format: "[\(mode)] %.3f s", Double(nowNanos() - start) / 1e9))
        }
    }
    return status
}

func dump(options: Options) -> Int32 {
    let seeds = loadCorpus(options.corpus)
    for iteration in options.start..<(options.start + options.iterations) {
        let (index, input, mode) = iterationInput(iteration, seeds: seeds, options: options)
        print("#\(iteration) \(seeds[index].name) \(undefinedModes[mode].0) \(seeds[index].context)")
        print(escaped(input, limit: 4000))
    }
    return 0
}

// MARK: - Main

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
if let path = options.replay {
    exit(replay(options: options, path: path))
} else if options.dump {
    exit(dump(options: options))
} else if options.worker {
    guard let path = options.sharedPath else { fail("--worker needs --shared") }
    runWorker(options: options, shared: Shared(path: path, create: false))
    exit(0)
} else if options.inProcess {
    exit(runInProcess(options: options))
} else {
    exit(supervise(options: options))
}
