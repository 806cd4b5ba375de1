/// An immutable string-keyed table for the names a render looks up again and again (filters,
/// tests, globals): open addressing with an FNV-1a hash, which for short names costs a fraction
/// of `Dictionary`'s seeded SipHash.
package final class NameTable<V>: @unchecked Sendable {
    private let keys: [String]
    private let values: [V]
    /// Index into `keys` plus one; 0 marks an empty slot.
    private let slots: [Int32]
    private let mask: Int

    package init(_ dictionary: [String: V]) {
        var keys: [String] = []
        var values: [V] = []
        keys.reserveCapacity(dictionary.count)
        values.reserveCapacity(dictionary.count)
        var size = 8
        while size < dictionary.count * 2 + 1 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (k, v) in dictionary {
            keys.append(k)
            values.append(v)
            var i = Int(truncatingIfNeeded: NameTable.hash(k)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(keys.count)
        }
        self.keys = keys
        self.values = values
        self.slots = slots
        self.mask = mask
    }

    @inline(__always)
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The value for `name`, or nil.
    @inline(__always)
    package func lookup(_ name: String) -> V? {
        var i = Int(truncatingIfNeeded: NameTable.hash(name)) & mask
        while true {
            let s = Int(slots[i])
            if s == 0 { return nil }
            if Scope.same(keys[s - 1], name) { return values[s - 1] }
            i = (i + 1) & mask
        }
    }
}
