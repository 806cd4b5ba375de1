import Foundation
import Jinja

/// A Python `re.Match`: what `re.match`, `re.search`, `re.fullmatch` and `pattern.search`
/// return when they match.
///
/// Methods: `group(*groups)`, `groups(default=None)`, `groupdict(default=None)`,
/// `start(group=0)`, `end(group=0)`, `span(group=0)`; `m[1]` is `m.group(1)`. Attributes:
/// `string`, `pos`, `endpos`, `lastindex`, `lastgroup`. Positions count code points, as in
/// Python.
public final class RegexMatchValue: JinjaObject {
    let regex: PythonRegex
    let text: PythonText
    let pos: Int
    /// Per group: the code point span, or nil when the group did not take part.
    let spans: [(start: Int, end: Int)?]
    let strings: [String?]

    init(regex: PythonRegex, text: PythonText, result: NSTextCheckingResult, pos: Int) {
        self.regex = regex
        self.text = text
        self.pos = pos
        var spans: [(start: Int, end: Int)?] = []
        var strings: [String?] = []
        for i in 0...regex.groupCount {
            let r = i < result.numberOfRanges ? result.range(at: i) : NSRange(location: NSNotFound, length: 0)
            if r.location == NSNotFound {
                spans.append(nil)
                strings.append(nil)
            } else {
                spans.append((text.scalarIndex(ofUTF16: r.location), text.scalarIndex(ofUTF16: r.location + r.length)))
                strings.append(text.substring(r))
            }
        }
        self.spans = spans
        self.strings = strings
    }

    /// The text of group `index`, or nil when the group did not take part.
    func group(_ index: Int) -> String? { strings[index] }

    var matchedText: String { strings[0] ?? "" }

    public var typeName: String { "re.Match" }
    public var stringValue: String {
        let span = spans[0] ?? (0, 0)
        return "<re.Match object; span=(\(span.start), \(span.end)), match=\(Value.string(matchedText).pythonRepr)>"
    }

    private func index(_ key: Value?, _ method: String) throws -> Int {
        guard let key else { return 0 }
        guard let i = regex.groupIndex(key) else { throw JinjaError(.value, "IndexError: no such group") }
        return i
    }

    private func groupValue(_ i: Int, default fallback: Value = .none) -> Value {
        strings[i].map(Value.string) ?? fallback
    }

    public func attribute(_ name: String) throws -> Value? {
        switch name {
        case "string": return .string(text.string)
        case "pos": return .int(pos)
        case "endpos": return .int(text.string.unicodeScalars.count)
        case "lastindex":
            let last = (1..<(regex.groupCount + 1)).filter { spans[$0] != nil }.max { spans[$0]!.end < spans[$1]!.end }
            return last.map(Value.int) ?? Value.none
        case "lastgroup":
            guard case .int(let i) = try attribute("lastindex") ?? .none else { return Value.none }
            return regex.groupNames.first { $0.index == i }.map { .string($0.name) } ?? Value.none
        default: return nil
        }
    }

    public func item(_ key: Value) throws -> Value? { groupValue(try index(key, "__getitem__")) }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "group":
            if arguments.positional.count <= 1 { return groupValue(try index(arguments.positional.first, name)) }
            return .tuple(try arguments.positional.map { groupValue(try index($0, name)) })
        case "groups":
            let b = try arguments.bind(name, ["default"])
            guard regex.groupCount > 0 else { return .tuple([]) }
            return .tuple((1...regex.groupCount).map { groupValue($0, default: b[0] ?? .none) })
        case "groupdict":
            let b = try arguments.bind(name, ["default"])
            let d = DictStorage()
            for (groupName, i) in regex.groupNames { d[groupName] = groupValue(i, default: b[0] ?? .none) }
            return .dict(d)
        case "start", "end", "span":
            let b = try arguments.bind(name, ["group"])
            let span = spans[try index(b[0], name)] ?? (-1, -1)
            if name == "start" { return .int(span.start) }
            if name == "end" { return .int(span.end) }
            return .tuple([.int(span.start), .int(span.end)])
        case "expand":
            let b = try arguments.bind(name, ["template"], required: 1)
            return .string(try RegexReplacement(try ContextArguments.string(b[0], name, "template"), regex: regex).expand(self))
        default:
            return nil
        }
    }
}
