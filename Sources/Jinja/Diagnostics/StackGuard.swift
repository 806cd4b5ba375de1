#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the engine's recursion (parser, evaluator, macro calls, printing and comparing nested
/// values) off the end of the thread's stack, so that input too deep for the stack fails with
/// a `.limit` error instead of crashing the process.
///
/// The fixed bounds (`Parser` nesting, expression depth, `RenderLimits.maxCallDepth`) keep
/// results the same everywhere; this guard is the backstop for stacks too small for them (a
/// 512 KiB worker thread, a debug build's large frames). It costs one comparison per check: the
/// address of a local against the thread's stack floor, computed once per thread.
package enum StackGuard {
    /// The address below which the current thread must not recurse (its lowest stack address
    /// plus a reserve), or 0 when the stack bounds are unknown (then nothing is checked).
    package static var floor: UInt {
        if let cached = pthread_getspecific(key) { return UInt(bitPattern: cached) &- 1 }
        let value = computeFloor()
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: value &+ 1))
        return value
    }

    /// True while the current frame is above `floor`.
    @inline(__always)
    package static func hasRoom(above floor: UInt) -> Bool {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } > floor
    }

    /// Throws the `.limit` error for input nested too deeply for the stack.
    @inline(__always)
    package static func check(_ floor: UInt) throws {
        if !hasRoom(above: floor) { throw exhausted() }
    }

    package static func exhausted() -> JinjaError {
        JinjaError(.limit, "maximum recursion depth exceeded (the template or a value is nested too deeply for the stack)")
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Room kept free below the floor: the frames between two checks, plus whatever a builtin
    /// or the runtime needs at the deepest point.
    private static func reserve(_ size: Int) -> Int { min(128 << 10, size / 4) }

    private static func computeFloor() -> UInt {
        #if canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = pthread_get_stacksize_np(pthread_self())
        guard top > UInt(size), size > 0 else { return 0 }
        return top - UInt(size) + UInt(reserve(size))
        #elseif canImport(Glibc) || canImport(Musl)
        // `pthread_getattr_np` is a GNU extension the Glibc module does not import.
        typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(nil, "pthread_getattr_np") else { return 0 }
        let getAttributes = unsafeBitCast(symbol, to: GetAttributes.self)
        var attributes = pthread_attr_t()
        guard getAttributes(pthread_self(), &attributes) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address, size > 0 else { return 0 }
        return UInt(bitPattern: address) + UInt(reserve(size))
        #else
        return 0
        #endif
    }
}
