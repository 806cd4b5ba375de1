/// The registry of Jinja2's built-in filters, tests and globals, built once.
enum Builtins {
    static let filters: [String: FilterFunction] = {
        var f: [String: FilterFunction] = [:]
        registerStringFilters(&f)
        registerCollectionFilters(&f)
        registerNumberFilters(&f)
        return f
    }()

    static let tests: [String: TestFunction] = TestPredicates.all

    static let globalTable = NameTable(globals)
    static let filterTable = NameTable(filters)
    static let testTable = NameTable(tests)

    /// Jinja2's attribute getter for filters (`attribute='a.b.0'`): each dotted part goes through
    /// `getitem`, digits become indexes; a missing value becomes `default` when one is given.
    static func attributeGetter(_ attribute: Value?, default fallback: Value? = nil,
                                lowercase: Bool = false, _ state: RenderState) -> (Value) throws -> Value {
        let parts: [Value]
        switch attribute {
        case .string(let s)?: parts = s.split(separator: ".", omittingEmptySubsequences: false).map { p in Int(p).map { .int($0) } ?? .string(String(p)) }
        case .int(let i)?: parts = [.int(i)]
        case let v?: parts = [v]
        case nil: parts = []
        }
        return { value in
            var item = value
            for p in parts {
                item = try state.item(of: item, p)
                if item.isUndefined, let fallback {
                    item = fallback
                    break
                }
            }
            if lowercase, case .string(let s) = item { return .string(s.lowercased()) }
            return item
        }
    }

    /// Filter arguments after the input, bound by name.
    static func bind(_ name: String, _ args: Arguments, _ parameters: [String], required: Int = 0) throws -> [Value?] {
        try args.bind(name, parameters, required: required)
    }
}
