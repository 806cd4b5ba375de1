import Foundation

/// A parsed seed CSV: the header and the fields of every row, as text.
///
/// Fields are stored row-major in one array (`rowCount * columnNames.count`). A blank line in
/// the file is a row whose fields are all empty: dbt reads it as a row of nulls (Python's csv
/// module yields `[]` for it and agate pads missing values with `None`), so we keep it.
public struct SeedCSV: Sendable, Hashable {
    public var columnNames: [String]
    public var rowCount: Int
    /// Row-major fields; quoted fields are unquoted, `""` is `"`, line breaks inside quotes are `\n`.
    public var fields: [String]
    /// The 1-based line each row starts on (the header is line 1).
    public var rowLines: [Int]

    public var columnCount: Int { columnNames.count }

    public func field(row: Int, column: Int) -> String {
        fields[row * columnNames.count + column]
    }

    /// The fields of one row.
    public func row(_ index: Int) -> ArraySlice<String> {
        let n = columnNames.count
        return fields[(index * n)..<((index + 1) * n)]
    }
}

/// RFC 4180 CSV as dbt reads seeds (Python's `csv` module, excel dialect, non-strict, on a file
/// opened in text mode with universal newlines, through agate):
///
/// - the first record is the header; a UTF-8 byte-order mark before it is skipped;
/// - fields are separated by a one-character `delimiter` (`,` unless configured); `"` quotes;
///   inside quotes the delimiter, `""` (one quote) and line breaks are data;
/// - records end at LF, CRLF or a lone CR; a line break inside quotes becomes `\n` (universal
///   newlines turn `\r\n` and `\r` into `\n` before the csv module sees them, so dbt stores `\n`);
/// - the newline ending the last record is optional; a blank line is a row of nulls (as in dbt);
/// - as in Python's non-strict reader, a quote inside an unquoted field is data (`a"b`), and text
///   after a closing quote is appended (`"ab"c` is `abc`).
///
/// Stricter than dbt, on purpose: a row with more or fewer fields than the header (dbt pads short
/// rows with nulls), an unterminated quote (dbt swallows the rest of the file), an empty header
/// name or a duplicate one (agate renames them `b`, `a_2`), and bytes that are not UTF-8 are errors.
public enum SeedCSVParser {
    /// Parses a seed from its bytes. `file` names the seed in errors.
    public static func parse(_ bytes: [UInt8], file: String, delimiter: Character = ",") throws -> SeedCSV {
        guard let ascii = delimiter.asciiValue, delimiter != "\"", delimiter != "\n", delimiter != "\r",
              delimiter != "\r\n"
        else {
            throw SeedError(.configuration, file: file, line: nil,
                            "delimiter \(String(reflecting: String(delimiter))) must be one ASCII character other than a quote or a line break")
        }
        return try bytes.withUnsafeBufferPointer { try parse(buffer: $0, file: file, delimiter: ascii) }
    }

    /// Parses a seed from text.
    public static func parse(text: String, file: String, delimiter: Character = ",") throws -> SeedCSV {
        try parse(Array(text.utf8), file: file, delimiter: delimiter)
    }

    /// Reads and parses a seed file. `displayPath` names it in errors (default: `path`).
    public static func parse(contentsOfFile path: String, displayPath: String? = nil, delimiter: Character = ",") throws -> SeedCSV {
        let name = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SeedError(.io, file: name, line: nil, "cannot read the file")
        }
        return try parse([UInt8](data), file: name, delimiter: delimiter)
    }

    private static let quote: UInt8 = 0x22
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    static func parse(buffer: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8) throws -> SeedCSV {
        var start = 0
        let end = buffer.count
        if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
        if start == end {
            throw SeedError(.emptyFile, file: file, line: nil, "the file is empty; a seed needs a header row")
        }
        if let bad = firstInvalidUTF8(buffer, from: start) {
            var line = 1
            var i = start
            while i < bad {
                if buffer[i] == lf { line += 1 } else if buffer[i] == cr { if i + 1 < end && buffer[i + 1] == lf { i += 1 }; line += 1 }
                i += 1
            }
            throw SeedError(.encoding, file: file, line: line, "the file is not UTF-8 (byte 0x\(String(buffer[bad], radix: 16, uppercase: true)) at offset \(bad))")
        }

        var i = start
        var line = 1
        var header: [String]? = nil
        var fields: [String] = []
        var rowLines: [Int] = []
        var record: [String] = []
        var scratch: [UInt8] = []
        var columnCount = 0

        @inline(__always) func makeString(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: buffer[from..<to]), as: UTF8.self)
        }

        while i < end {
            let recordLine = line
            record.removeAll(keepingCapacity: true)
            // A blank line: a record with no fields.
            let first = buffer[i]
            if first == lf || first == cr {
                i += 1
                if first == cr, i < end, buffer[i] == lf { i += 1 }
                line += 1
            } else {
                // One field per iteration.
                fieldLoop: while true {
                    if i < end, buffer[i] == quote {
                        let fieldLine = line
                        i += 1
                        scratch.removeAll(keepingCapacity: true)
                        var closed = false
                        while i < end {
                            // Copy a run of plain bytes at once.
                            var j = i
                            while j < end {
                                let b = buffer[j]
                                if b == quote || b == lf || b == cr { break }
                                j += 1
                            }
                            if j > i { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i..<j])) }
                            i = j
                            if i >= end { break }
                            let b = buffer[i]
                            if b == quote {
                                if i + 1 < end, buffer[i + 1] == quote {
                                    scratch.append(quote)
                                    i += 2
                                } else {
                                    i += 1
                                    closed = true
                                    break
                                }
                            } else {
                                // A line break inside quotes: always `\n`.
                                scratch.append(lf)
                                i += 1
                                if b == cr, i < end, buffer[i] == lf { i += 1 }
                                line += 1
                            }
                        }
                        if !closed {
                            throw SeedError(.unterminatedQuote, file: file, line: fieldLine,
                                            "a quoted field starting on this line is never closed")
                        }
                        // Non-strict csv: anything up to the delimiter or the line end is appended.
                        var j = i
                        while j < end {
                            let b = buffer[j]
                            if b == delimiter || b == lf || b == cr { break }
                            j += 1
                        }
                        if j > i { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i..<j])) }
                        i = j
                        record.append(String(decoding: scratch, as: UTF8.self))
                    } else {
                        var j = i
                        while j < end {
                            let b = buffer[j]
                            if b == delimiter || b == lf || b == cr { break }
                            j += 1
                        }
                        record.append(makeString(i, j))
                        i = j
                    }
                    // After a field: a delimiter (another field follows), a line end, or the end.
                    if i >= end { break fieldLoop }
                    let b = buffer[i]
                    if b == delimiter {
                        i += 1
                        continue fieldLoop
                    }
                    i += 1
                    if b == cr, i < end, buffer[i] == lf { i += 1 }
                    line += 1
                    break fieldLoop
                }
            }

            if header == nil {
                if record.isEmpty {
                    throw SeedError(.badHeader, file: file, line: recordLine, "the header row is empty")
                }
                var seen: [String: Int] = [:]
                for (index, name) in record.enumerated() {
                    if name.isEmpty {
                        throw SeedError(.badHeader, file: file, line: recordLine,
                                        "column \(index + 1) of the header has no name")
                    }
                    if let previous = seen[name] {
                        throw SeedError(.badHeader, file: file, line: recordLine,
                                        "the header names column \"\(name)\" twice (columns \(previous + 1) and \(index + 1))")
                    }
                    seen[name] = index
                }
                header = record
                columnCount = record.count
                let estimate = (end - i) / max(1, columnCount * 6)
                fields.reserveCapacity(estimate * columnCount)
                rowLines.reserveCapacity(estimate)
                continue
            }

            if record.isEmpty {
                // A blank line: dbt loads a row of nulls.
                for _ in 0..<columnCount { fields.append("") }
            } else if record.count != columnCount {
                let noun = record.count == 1 ? "field" : "fields"
                throw SeedError(.raggedRow, file: file, line: recordLine,
                                "row has \(record.count) \(noun), the header has \(columnCount)")
            } else {
                fields.append(contentsOf: record)
            }
            rowLines.append(recordLine)
        }

        guard let header else {
            throw SeedError(.emptyFile, file: file, line: nil, "the file is empty; a seed needs a header row")
        }
        return SeedCSV(columnNames: header, rowCount: rowLines.count, fields: fields, rowLines: rowLines)
    }

    /// The offset of the first byte that breaks UTF-8, or nil.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return i
            }
            if i + len > n { return i }
            let c1 = b[i + 1]
            if c1 < lo || c1 > hi { return i }
            var k = 2
            while k < len {
                if b[i + k] & 0xC0 != 0x80 { return i }
                k += 1
            }
            i += len
        }
        return nil
    }
}
