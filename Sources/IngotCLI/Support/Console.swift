import Foundation

/// Writes what ingot prints: dbt-style text lines, or one JSON object per event with
/// `--log-format json`.
struct Console: Sendable {
    let format: LogFormat
    let quiet: Bool
    /// Every line also goes to `logs/ingot.log` of the project, once it is known.
    let logFile = LogFile()

    init(_ options: GlobalOptions) {
        format = options.logFormat
        quiet = options.quiet
    }

    /// An informational line (suppressed by `--quiet`).
    func info(_ message: String, event: String = "Note", extra: [String: String] = [:]) {
        guard !quiet else { return }
        emit(message, level: "info", event: event, extra: extra, to: .standardOutput)
    }

    /// A warning.
    func warn(_ message: String) {
        emit("[WARNING]: \(message)", level: "warn", event: "Warning", extra: [:], to: .standardError)
    }

    /// An error; always printed.
    func error(_ message: String) {
        emit(message, level: "error", event: "Error", extra: [:], to: .standardError)
    }

    /// Output that is the command's result (`--inline` SQL, `ls` lines): printed even with
    /// `--quiet`, never wrapped in JSON.
    func result(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    private func emit(_ message: String, level: String, event: String, extra: [String: String], to handle: FileHandle) {
        switch format {
        case .text:
            let time = Console.clock.string(from: Date())
            handle.write(Data("\(time)  \(message)\n".utf8))
            logFile.append("\(time)  [\(level)] \(message)\n")
        case .json:
            var object: [String: String] = ["level": level, "name": event, "msg": message,
                                             "ts": ISO8601DateFormatter().string(from: Date())]
            for (k, v) in extra { object[k] = v }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            handle.write(data + Data("\n".utf8))
            logFile.append(String(decoding: data, as: UTF8.self) + "\n")
        }
    }

    private static let clock: DateFormatter = {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        f.locale = Locale(identifier: "en_US_POSIX")
        return f
    }()
}

/// The log file of a project (`logs/ingot.log`), appended to from any thread.
final class LogFile: @unchecked Sendable {
    private var handle: FileHandle?
    private let lock = NSLock()

    /// Starts writing to `<directory>/ingot.log`; failures to open it are ignored (logging to a
    /// file must never stop a run).
    func open(directory: String) {
        lock.withLock {
            guard handle == nil else { return }
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = (directory as NSString).appendingPathComponent("ingot.log")
            if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
            handle = FileHandle(forWritingAtPath: path)
            _ = try? handle?.seekToEnd()
        }
    }

    func append(_ text: String) {
        lock.withLock { handle?.write(Data(text.utf8)) }
    }
}
