#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Frees nested lists, dicts and tuples without recursing once per level.
///
/// A template can build a value nested as deep as it likes (`{% set ns.v = [ns.v] %}` in a
/// loop). Freeing it the ordinary way recurses once per level, and 50,000 levels overflow the
/// stack. So a list or dict that dies where the stack is getting short hands its nested contents
/// to a per-thread queue instead; the outermost such release drains the queue in a loop, and a
/// container dying during the drain only adds to the queue. Tuples have no deinit of their own:
/// the drain opens the ones it meets.
final class NestedRelease {
    private var pending: [Value] = []
    private var draining = false
    /// Stack kept above `StackGuard`'s floor for freeing: nested releases start queueing here.
    static let margin: UInt = 64 << 10

    /// Takes over `values` (the contents of a dying container, left empty) if any of them nests
    /// and the stack is getting short, or one is a tuple (a chain of tuples frees with no deinit
    /// to stop it); otherwise they are freed the ordinary way.
    static func release(_ values: inout [Value]) {
        guard values.contains(where: { $0.nests }), queueing(values) else { return }
        let queue = current
        queue.pending.append(contentsOf: values)
        values = []
        guard !queue.draining else { return }
        queue.draining = true
        while var value = queue.pending.popLast() {
            if case .tuple(var items) = value, items.contains(where: { $0.nests }) {
                value = .none
                // Open only a tuple this is the last holder of; a shared one is not being freed.
                if items.isSoleOwner { queue.pending.append(contentsOf: items) }
            }
            // `value` is released here; a container it frees only adds to `pending`.
        }
        queue.draining = false
    }

    /// Frees `value` (left `.none`) as `release` frees a container's contents.
    static func discard(_ value: inout Value) {
        var values = [value]
        value = .none
        release(&values)
    }

    /// Whether `values`, which nest, should go through the queue.
    static func queueing(_ values: [Value]) -> Bool {
        let floor = StackGuard.floor
        if floor != 0, !StackGuard.hasRoom(above: floor + margin) { return true }
        return values.contains { if case .tuple = $0 { return true } else { return false } }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            #if canImport(Darwin)
            Unmanaged<NestedRelease>.fromOpaque(pointer).release()
            #else
            if let pointer { Unmanaged<NestedRelease>.fromOpaque(pointer).release() }
            #endif
        }
        return key
    }()

    private static var current: NestedRelease {
        if let p = pthread_getspecific(key) { return Unmanaged<NestedRelease>.fromOpaque(p).takeUnretainedValue() }
        let queue = NestedRelease()
        pthread_setspecific(key, Unmanaged.passRetained(queue).toOpaque())
        return queue
    }
}

extension Array {
    /// Whether no other array shares this one's storage. An array has no public uniqueness
    /// check, but a mutable access copies shared storage, and then the address changes.
    fileprivate var isSoleOwner: Bool {
        mutating get {
            let before = withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            let after = withUnsafeMutableBufferPointer { UnsafeRawPointer($0.baseAddress) }
            return before == after
        }
    }
}

extension Value {
    /// Whether freeing this value can free further containers.
    var nests: Bool {
        switch self {
        case .list, .dict, .tuple, .object, .callable: return true
        default: return false
        }
    }
}
