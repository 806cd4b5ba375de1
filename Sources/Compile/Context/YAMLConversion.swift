import Jinja
import Project
import Yams

/// YAML text to and from template values, with PyYAML's rules (dbt's `fromyaml` and `toyaml`):
/// YAML 1.1 scalars on the way in (`yes` is true), block style and quoting of strings that
/// would read back as something else on the way out.
enum YAMLConversion {
    /// Parses the first document of `text`; an empty document is none.
    static func parse(_ text: String) throws -> Value {
        guard let node = try YAMLReader.parse(text, file: "<fromyaml>") else { return .none }
        return value(node)
    }

    private static func value(_ node: YAMLNode) -> Value {
        switch node.value {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .sequence(let items): return .list(items.map(value))
        case .mapping(let entries):
            let d = DictStorage()
            for e in entries { d[e.key] = value(e.value) }
            return .dict(d)
        }
    }

    /// Serialises like `yaml.safe_dump(value, sort_keys=…)`.
    static func dump(_ value: Value, sortKeys: Bool) throws -> String {
        let text = try Yams.serialize(node: try node(value, sortKeys: sortKeys), width: 80, allowUnicode: true,
                                      sequenceStyle: .block, mappingStyle: .block)
        switch value {
        case .list, .tuple, .dict: return text
        default: return text.hasSuffix("...\n") ? text : text + "...\n"
        }
    }

    private static func node(_ value: Value, sortKeys: Bool) throws -> Node {
        switch value {
        case .none: return Node("null", Tag(.null))
        case .bool(let b): return Node(b ? "true" : "false", Tag(.bool))
        case .int(let i): return Node(String(i), Tag(.int))
        case .double(let d):
            let text = d.isNaN ? ".nan" : d.isInfinite ? (d < 0 ? "-.inf" : ".inf") : Value.formatDouble(d)
            return Node(text, Tag(.float))
        case .string(let s):
            if case .string = YAMLReader.resolvePlain(s) {
                return Node(s, Tag(.str), needsQuoting(s) ? .singleQuoted : .any)
            }
            return Node(s, Tag(.str), .singleQuoted)
        case .list(let l): return Node(try l.items.map { try node($0, sortKeys: sortKeys) }, Tag(.seq), .block)
        case .tuple(let t): return Node(try t.map { try node($0, sortKeys: sortKeys) }, Tag(.seq), .block)
        case .dict(let d):
            var pairs: [(Node, Node)] = []
            for (k, v) in d.items { pairs.append((try node(k, sortKeys: sortKeys), try node(v, sortKeys: sortKeys))) }
            if sortKeys {
                pairs.sort { ($0.0.string ?? "") < ($1.0.string ?? "") }
            }
            return Node(pairs, Tag(.map), .block)
        default:
            throw CompilationError("toyaml(): cannot represent an object of type '\(value.typeName)'")
        }
    }

    /// Plain scalars PyYAML would still quote: empty, leading/trailing blanks, indicators.
    private static func needsQuoting(_ s: String) -> Bool {
        guard let first = s.first, let last = s.last else { return true }
        if first == " " || last == " " { return true }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return true }
        return s.contains(": ") || s.contains(" #") || s.hasSuffix(":") || looksLikeTimestamp(s)
    }

    /// YAML 1.1 timestamps (`2024-01-01`, `2024-01-01 10:00:00`), which PyYAML quotes so they
    /// read back as strings.
    private static func looksLikeTimestamp(_ s: String) -> Bool {
        let c = Array(s.utf8.prefix(10))
        guard c.count >= 8 else { return false }
        func digit(_ i: Int) -> Bool { i < c.count && c[i] >= 48 && c[i] <= 57 }
        guard digit(0), digit(1), digit(2), digit(3), c[4] == UInt8(ascii: "-"), digit(5) else { return false }
        let afterMonth = digit(6) ? 7 : 6
        guard afterMonth < c.count, c[afterMonth] == UInt8(ascii: "-"), digit(afterMonth + 1) else { return false }
        return true
    }
}
