// Render-only benchmark of the Jinja engine over the differential corpus
// (Tests/JinjaTests/Corpus/cases). Driven by bench/jinja_bench.py, which runs the same
// measurement on Python's jinja2 and compares the two per case.
//
// For every case with a `.out` file: parse the template once, convert the JSON context to
// `[String: Value]` once, check that one render equals `.out` (exit 1 otherwise), then time
// renders only. A repetition count is calibrated so one timing sample lasts at least
// `--min-sample-ms`; `--samples` samples are taken and the median ns/render is printed as one
// JSON line per case: {"name": …, "ns_per_render": …, "reps": …, "fresh_context": …}.
//
// Lists and dicts are shared references, so a template that mutates its context
// (`{% do xs.append(1) %}`) would see a different context on the next render. Such cases are
// detected (the context's JSON changes across a render) and get a freshly parsed context per
// render, built before the timed loop starts ("fresh_context": true).
//
//   swift run -c release jinja-bench [--samples 5] [--min-sample-ms 20] [--filter PREFIX]
//                                    [--corpus DIR] [--list] [--reps N] [--clock wall|cpu]
// `--reps N` skips calibration and times N renders per sample (handy under valgrind/perf).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Jinja

struct Options {
    var samples = 5
    var minSampleMs = 20.0
    var filters: [String] = []
    var corpus: String?
    var listOnly = false
    /// Fixed repetition count (no calibration), for profilers.
    var reps: Int?
    /// Process CPU time instead of wall-clock time (steadier on a busy machine).
    var cpuClock = false
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("jinja-bench: " + message + "\n").utf8))
    exit(1)
}

func parseOptions() -> Options {
    var o = Options()
    var args = CommandLine.arguments.dropFirst()
    func value(_ flag: String) -> String {
        guard let v = args.popFirst() else { fail("\(flag) needs a value") }
        return v
    }
    while let a = args.popFirst() {
        switch a {
        case "--samples":
            guard let n = Int(value(a)), n >= 1 else { fail("--samples must be a positive integer") }
            o.samples = n
        case "--min-sample-ms":
            guard let n = Double(value(a)), n > 0 else { fail("--min-sample-ms must be a positive number") }
            o.minSampleMs = n
        case "--filter": o.filters.append(value(a))
        case "--corpus": o.corpus = value(a)
        case "--list": o.listOnly = true
        case "--clock":
            switch value(a) {
            case "wall": o.cpuClock = false
            case "cpu": o.cpuClock = true
            default: fail("--clock is wall or cpu")
            }
        case "--reps":
            guard let n = Int(value(a)), n >= 1 else { fail("--reps must be a positive integer") }
            o.reps = n
        case "-h", "--help":
            print("usage: jinja-bench [--samples N] [--min-sample-ms MS] [--filter PREFIX]... [--corpus DIR] [--list] [--reps N] [--clock wall|cpu]")
            exit(0)
        default: fail("unknown argument \(a)")
        }
    }
    return o
}

let options = parseOptions()
let clockID = options.cpuClock ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC

@inline(__always) func nowNs() -> UInt64 {
    var ts = timespec()
    clock_gettime(clockID, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    let n = s.count
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}

struct Case {
    let name: String
    let contextJSON: String
    let template: String
    let expected: String
}

func corpusDirectory(_ explicit: String?) -> String {
    if let explicit { return explicit }
    let relative = "Tests/JinjaTests/Corpus/cases"
    if FileManager.default.fileExists(atPath: relative) { return relative }
    // Fall back to the source tree this binary was built from.
    let here = URL(fileURLWithPath: #filePath)  // …/Sources/JinjaBench/main.swift
    return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(relative).path
}

func loadCases(_ dir: String, filters: [String]) -> [Case] {
    guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
        fail("cannot read corpus directory \(dir)")
    }
    var cases: [Case] = []
    for file in files.sorted() where file.hasSuffix(".txt") {
        let name = String(file.dropLast(4))
        if !filters.isEmpty, !filters.contains(where: { name.hasPrefix($0) }) { continue }
        guard let out = FileManager.default.contents(atPath: dir + "/" + name + ".out") else { continue }
        guard let data = FileManager.default.contents(atPath: dir + "/" + file) else { fail("cannot read \(file)") }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\n---\n") else { fail("\(file): no '---' separator line") }
        cases.append(Case(name: name, contextJSON: String(text[..<split.lowerBound]),
                          template: String(text[split.upperBound...]),
                          expected: String(decoding: out, as: UTF8.self)))
    }
    return cases
}

func makeContext(_ json: String, _ name: String) -> (vars: [String: Value], root: Value) {
    let root: Value
    do { root = try Value.parseJSON(json) } catch { fail("\(name): bad context JSON: \(error)") }
    guard case .dict(let d) = root else { fail("\(name): context is not a JSON object") }
    var vars: [String: Value] = [:]
    vars.reserveCapacity(d.items.count)
    for (k, v) in d.items { vars[k.pythonString] = v }
    return (vars, root)
}

func jsonEscape(_ s: String) -> String {
    (try? Value.string(s).jsonString()) ?? "\"?\""
}

var sink = 0  // keeps the optimiser from discarding renders

let cases = loadCases(corpusDirectory(options.corpus), filters: options.filters)
if cases.isEmpty { fail("no cases selected") }
if options.listOnly {
    for c in cases { print(c.name) }
    exit(0)
}

var lenient = Environment()
lenient.undefinedBehavior = .lenient
var strict = Environment()
strict.undefinedBehavior = .strict
let minSampleNs = options.minSampleMs * 1_000_000

for c in cases {
    let env = c.name.hasPrefix("strict_") ? strict : lenient
    let template: Template
    do { template = try env.template(c.template, name: c.name) } catch { fail("\(c.name): parse failed: \(error)") }

    // Verify, and find out whether rendering mutates the context.
    let (vars, root) = makeContext(c.contextJSON, c.name)
    let before = (try? root.jsonString()) ?? ""
    do {
        let output = try template.render(vars)
        guard output == c.expected else {
            fail("\(c.name): output differs from .out\n--- expected\n\(c.expected)\n--- got\n\(output)")
        }
    } catch {
        fail("\(c.name): render failed: \(error)")
    }
    let fresh = ((try? root.jsonString()) ?? "") != before

    // One timing sample of `reps` renders; returns ns per render.
    func sample(_ reps: Int) -> Double {
        if fresh {
            let contexts = (0..<reps).map { _ in makeContext(c.contextJSON, c.name).vars }
            let t0 = nowNs()
            for ctx in contexts { sink &+= (try? template.render(ctx))?.utf8.count ?? 0 }
            return Double(nowNs() - t0) / Double(reps)
        }
        let t0 = nowNs()
        for _ in 0..<reps { sink &+= (try? template.render(vars))?.utf8.count ?? 0 }
        return Double(nowNs() - t0) / Double(reps)
    }

    // Calibrate: grow the repetition count until one sample lasts at least minSampleNs.
    var reps = options.reps ?? 1
    while options.reps == nil {
        let per = sample(reps)
        let total = per * Double(reps)
        if total >= minSampleNs { break }
        let target = Int((minSampleNs * 1.1 / max(per, 1)).rounded(.up))
        reps = min(max(reps * 2, target), reps * 100)
    }
    let times = (0..<options.samples).map { _ in sample(reps) }
    let ns = median(times)
    print("{\"name\": \(jsonEscape(c.name)), \"ns_per_render\": \((ns * 10).rounded() / 10), \"reps\": \(reps), \"fresh_context\": \(fresh)}")
    fflush(nil)
}
FileHandle.standardError.write(Data("jinja-bench: \(cases.count) cases (checksum \(sink))\n".utf8))
