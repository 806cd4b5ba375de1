import Foundation

extension IngotRunner {
    /// A fixture project whose SQLite warehouse is a file under target/, so what one command
    /// builds the next one sees.
    static func sqliteProject(_ files: [String: String]) throws -> String {
        var all = files
        if all["profiles.yml"] == nil {
            all["profiles.yml"] = """
                proj:
                  target: dev
                  outputs:
                    dev: {type: sqlite, threads: 1, schema: main, schemas_and_paths: {main: target/w.db}, schema_directory: target}
                """
        }
        return try project(all)
    }
}
