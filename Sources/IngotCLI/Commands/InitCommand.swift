import ArgumentParser
import Foundation

/// `ingot init NAME`: a new project with a SQLite profile, ready to `ingot build`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new project.")

    @Argument(help: "The project's name (letters, digits and underscores).")
    var name: String

    @Option(name: .customLong("profiles-dir"), help: "Where to write profiles.yml (default: the new project).")
    var profilesDir: String?

    func validate() throws {
        guard name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
            throw ValidationError("'\(name)' is not a valid project name: use letters, digits and underscores, not starting with a digit")
        }
    }

    func run() throws {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: name) else {
            throw ValidationError("A directory named '\(name)' already exists here")
        }
        let files: [(String, String)] = [
            ("dbt_project.yml", """
                name: '\(name)'
                version: '1.0.0'
                profile: '\(name)'

                model-paths: ["models"]
                seed-paths: ["seeds"]
                test-paths: ["tests"]
                macro-paths: ["macros"]
                snapshot-paths: ["snapshots"]
                analysis-paths: ["analyses"]

                clean-targets: ["target", "dbt_packages"]

                models:
                  \(name):
                    example:
                      +materialized: view

                """),
            ("models/example/my_first_model.sql", """
                {{ config(materialized='table') }}

                select 1 as id
                union all
                select 2 as id

                """),
            ("models/example/my_second_model.sql", """
                select * from {{ ref('my_first_model') }} where id = 1

                """),
            ("models/example/schema.yml", """
                version: 2

                models:
                  - name: my_first_model
                    description: "A starter table model"
                    columns:
                      - name: id
                        data_tests: [unique, not_null]
                  - name: my_second_model
                    columns:
                      - name: id
                        data_tests: [unique, not_null]

                """),
            ("seeds/.gitkeep", ""), ("tests/.gitkeep", ""), ("macros/.gitkeep", ""),
            ("snapshots/.gitkeep", ""), ("analyses/.gitkeep", ""),
        ]
        for (path, text) in files {
            let full = "\(name)/\(path)"
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        let profiles = profilesDir ?? name
        try fm.createDirectory(atPath: profiles, withIntermediateDirectories: true)
        let profilePath = (profiles as NSString).appendingPathComponent("profiles.yml")
        let profile = """
            \(name):
              target: dev
              outputs:
                dev:
                  type: sqlite
                  threads: 4
                  database: database
                  schema: main
                  schemas_and_paths:
                    main: \(name).db
                  schema_directory: .

            """
        if fm.fileExists(atPath: profilePath) {
            let existing = (try? String(contentsOfFile: profilePath, encoding: .utf8)) ?? ""
            try (existing + "\n" + profile).write(toFile: profilePath, atomically: true, encoding: .utf8)
        } else {
            try profile.write(toFile: profilePath, atomically: true, encoding: .utf8)
        }
        print("Your new project \"\(name)\" is in ./\(name), with a SQLite profile in \(profilePath).")
        print("Next: cd \(name) && ingot compile")
    }
}
