import Jinja

/// The text of each macro's definition (`macro_sql`): from its opening `{% macro %}` (or
/// `{% test %}`, `{% materialization %}`) tag through the matching end tag, cut from the file
/// the macro was parsed from.
final class MacroSourceText {
    private struct Block {
        var line: Int
        var text: Substring
    }
    private var blocksByFile: [ObjectIdentifier: [Block]] = [:]

    /// The definition of `macro`, or an empty string when it cannot be found.
    func text(of macro: TemplateMacro) -> String {
        let id = ObjectIdentifier(macro.source)
        let blocks: [Block]
        if let cached = blocksByFile[id] {
            blocks = cached
        } else {
            blocks = MacroSourceText.blocks(in: macro.source.text)
            blocksByFile[id] = blocks
        }
        let line = macro.line
        if let exact = blocks.first(where: { $0.line == line }) { return String(exact.text) }
        return blocks.last(where: { $0.line <= line }).map { String($0.text) } ?? ""
    }

    private static let kinds: Set<Substring> = ["macro", "test", "materialization", "snapshot"]

    /// Every top-level definition block in `text`, with the line its opening tag is on.
    private static func blocks(in text: String) -> [Block] {
        var out: [Block] = []
        var line = 1
        var i = text.startIndex
        var open: (kind: Substring, start: String.Index, line: Int)?
        while i < text.endIndex {
            let c = text[i]
            if c == "\n" {
                line += 1
            } else if c == "{", text[i...].hasPrefix("{%") {
                guard let close = text[i...].range(of: "%}") else { break }
                let inner = text[text.index(i, offsetBy: 2)..<close.lowerBound]
                    .drop { $0 == "-" || $0 == "+" || $0.isWhitespace }
                let word = inner.prefix { $0.isLetter || $0 == "_" }
                if let o = open {
                    if word == "end" + o.kind {
                        out.append(Block(line: o.line, text: text[o.start..<close.upperBound]))
                        open = nil
                    }
                } else if kinds.contains(word) {
                    open = (word, i, line)
                }
                for ch in text[i..<close.upperBound] where ch == "\n" { line += 1 }
                i = close.upperBound
                continue
            }
            i = text.index(after: i)
        }
        return out
    }
}
