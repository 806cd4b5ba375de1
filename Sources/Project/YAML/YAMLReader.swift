import Yams

/// Reads YAML text into `YAMLNode` trees with locations.
///
/// Tag resolution is done here rather than by Yams's regex resolver: PyYAML's YAML 1.1 rules are
/// what dbt users rely on (`enabled: yes`), and skipping the regexes keeps 10,000-model projects fast.
package enum YAMLReader {
    /// Parses `text` (the contents of `file`) into its first document; an empty document is nil.
    ///
    /// - Throws: `ProjectError` of kind `.yamlSyntax` with the line and column libyaml reported.
    package static func parse(_ text: String, file: String) throws(ProjectError) -> YAMLNode? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw ProjectError.yamlSyntax(error, file: file)
        } catch {
            throw ProjectError(.yamlSyntax, "\(error)", at: SourceLocation(file: file))
        }
        guard let node else { return nil }
        return convert(node, file: file)
    }

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    private static func convert(_ node: Node, file: String) -> YAMLNode {
        switch node {
        case .scalar(let scalar):
            let loc = location(scalar.mark, file)
            if scalar.style != .plain && scalar.style != .any {
                return YAMLNode(.string(scalar.string), location: loc)
            }
            let explicit = scalar.tag.rawValue
            if explicit == "tag:yaml.org,2002:str" || explicit == "!" {
                return YAMLNode(.string(scalar.string), location: loc)
            }
            return YAMLNode(resolvePlain(scalar.string), location: loc)
        case .sequence(let seq):
            return YAMLNode(.sequence(seq.map { convert($0, file: file) }), location: location(seq.mark, file))
        case .mapping(let map):
            var entries: [YAMLEntry] = []
            var merges: [YAMLNode] = []
            entries.reserveCapacity(map.count)
            for (k, v) in map {
                let keyText = k.scalar?.string ?? "\(k)"
                let value = convert(v, file: file)
                if keyText == "<<", k.scalar?.style == .plain {
                    merges.append(value)
                    continue
                }
                entries.append(YAMLEntry(key: keyText, keyLocation: location(k.mark, file), value: value))
            }
            // `<<: *anchor` merge keys: merged entries never override explicit ones.
            for merge in merges {
                let sources = merge.sequence ?? [merge]
                for source in sources {
                    for e in source.mapping ?? [] where !entries.contains(where: { $0.key == e.key }) {
                        entries.append(e)
                    }
                }
            }
            return YAMLNode(.mapping(entries), location: location(map.mark, file))
        case .alias(let alias):
            return YAMLNode(.null, location: location(alias.mark, file))
        }
    }

    /// YAML 1.1 resolution of a plain scalar, as PyYAML's SafeLoader does it.
    package static func resolvePlain(_ s: String) -> YAMLNode.Value {
        switch s {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        guard let first = s.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".") || (first >= 48 && first <= 57)
        else { return .string(s) }
        if let i = parseInt(s) { return .int(i) }
        if let d = parseFloat(s) { return .double(d) }
        return .string(s)
    }

    private static func parseInt(_ s: String) -> Int? {
        var body = Substring(s)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        let digits = body.replacingOccurrences(of: "_", with: "")
        var value: Int?
        if digits.hasPrefix("0x") {
            value = Int(digits.dropFirst(2), radix: 16)
        } else if digits.hasPrefix("0b") {
            value = Int(digits.dropFirst(2), radix: 2)
        } else if digits.count > 1, digits.hasPrefix("0") {
            value = Int(digits.dropFirst(), radix: 8)
        } else if digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            value = Int(digits)
        }
        guard let value else { return nil }
        return negative ? -value : value
    }

    private static func parseFloat(_ s: String) -> Double? {
        // PyYAML floats need a dot: "1e5" stays a string, "1.0e+5" is a float.
        guard s.contains(".") else { return nil }
        let allowed = s.allSatisfy { $0.isASCII && ($0.isNumber || "+-._eE".contains($0)) }
        guard allowed else { return nil }
        return Double(s.replacingOccurrences(of: "_", with: ""))
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
extension Substring {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        String(self).replacingOccurrences(of: target, with: replacement)
    }
}
