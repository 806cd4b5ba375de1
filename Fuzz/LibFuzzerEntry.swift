// libFuzzer entry point for the Jinja engine; built by scripts/libfuzz_jinja.sh, which compiles
// it into one module with Sources/Jinja (so no `import Jinja`) with -sanitize=fuzzer,address.
//
// Each input is a template; it is parsed and rendered with bounded limits and a small context.
// A thrown JinjaError is fine; anything else (a trap, a stack overflow, an ASan report, a
// non-JinjaError error, an input slower than libFuzzer's -timeout) is a finding.

private let modes: [UndefinedBehavior] = [.lenient, .strict, .chainable]

@_cdecl("LLVMFuzzerTestOneInput")
public func jinjaFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var env = Environment()
    env.undefinedBehavior = modes[size % modes.count]
    env.limits.maxSteps = 100_000
    env.limits.maxSequenceLength = 1_000_000
    let context: [String: Value] = [
        "x": 1, "y": "text", "xs": [3, 1, 2], "d": ["a": 1, "b": [1, 2]], "n": 5, "s": "a,b,c",
        "rows": [["k": "x", "id": 1], ["k": "y", "id": 2]], "none": nil,
    ]
    do {
        _ = try env.template(source, name: "fuzz").render(context)
    } catch let error as JinjaError {
        if error.kind == .host, let inner = error.underlying { fatalError("JinjaError wrapping \(type(of: inner)): \(error)") }
    } catch {
        fatalError("non-JinjaError \(type(of: error)): \(error)")
    }
    return 0
}
