/// The arguments of a call: positional values, then keyword values in the order written.
public struct Arguments: Sendable {
    public var positional: [Value]
    public var keywords: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The keyword argument `name`, if given.
    public func keyword(_ name: String) -> Value? {
        for k in keywords where k.name == name { return k.value }
        return nil
    }

    public var isEmpty: Bool { positional.isEmpty && keywords.isEmpty }

    /// Binds arguments to named parameters, Python style: positional first, then keywords.
    ///
    /// Returns one slot per parameter (nil when not given). Raises a `badArguments` error for too
    /// many positional arguments, an unknown keyword, or a parameter given twice.
    ///
    /// ```swift
    /// let b = try args.bind("truncate", ["s", "length", "killwords", "end", "leeway"])
    /// let length = b[1]?.intValue ?? 255
    /// ```
    public func bind(_ function: String, _ parameters: [String], required: Int = 0) throws -> [Value?] {
        // The common case: a few positional arguments, no keywords.
        if keywords.isEmpty, positional.count <= parameters.count, positional.count >= required {
            if parameters.isEmpty { return [] }
            return [Value?](unsafeUninitializedCapacity: parameters.count) { buffer, initialized in
                var i = 0
                for v in positional {
                    (buffer.baseAddress! + i).initialize(to: v)
                    i += 1
                }
                while i < parameters.count {
                    (buffer.baseAddress! + i).initialize(to: nil)
                    i += 1
                }
                initialized = parameters.count
            }
        }
        var slots = [Value?](repeating: nil, count: parameters.count)
        guard positional.count <= parameters.count else {
            throw JinjaError(.badArguments,
                             "\(function)() takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s") (\(positional.count) given)")
        }
        for (i, v) in positional.enumerated() { slots[i] = v }
        for k in keywords {
            guard let i = parameters.firstIndex(of: k.name) else {
                throw JinjaError(.badArguments, "\(function)() got an unexpected keyword argument '\(k.name)'")
            }
            if slots[i] != nil {
                throw JinjaError(.badArguments, "\(function)() got multiple values for argument '\(k.name)'")
            }
            slots[i] = k.value
        }
        for i in 0..<required where slots[i] == nil {
            throw JinjaError(.badArguments, "\(function)() missing required argument '\(parameters[i])'")
        }
        return slots
    }
}
