// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ingot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ingot", targets: ["IngotCLI"]),
        .library(name: "Jinja", targets: ["Jinja"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // A Jinja2 engine: knows nothing of dbt, SQL or files.
        .target(
            name: "Jinja",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]
        ),
        // dbt project loading: dbt_project.yml, profiles.yml, properties YAML, typed nodes, configs.
        .target(
            name: "Project",
            dependencies: ["Jinja", .product(name: "Yams", package: "Yams")]
        ),
        // The DAG, cycle detection, dbt's selection language, topological batches.
        .target(name: "Graph", dependencies: ["Project"]),
        // The warehouse adapter protocol: relations, columns, executing SQL; no projects.
        .target(name: "Warehouse"),
        // The embedded SQLite warehouse on GRDB, with its Postgres/Redshift-flavoured functions.
        .target(name: "SQLiteAdapter", dependencies: ["Warehouse", .product(name: "GRDB", package: "GRDB.swift")]),
        // The dbt Jinja context, parse-time capture, compile, built-in macros, manifest.
        .target(
            name: "Compile",
            dependencies: ["Jinja", "Project", "Graph", "Warehouse", .product(name: "Yams", package: "Yams")],
            exclude: ["Macros"]
        ),
        // Materializations, the scheduler, seeds, tests, run results.
        .target(name: "Run", dependencies: ["Warehouse", "Compile", "Project", "Graph", "Jinja"]),
        // The `ingot` executable.
        .executableTarget(
            name: "IngotCLI",
            dependencies: [
                "Run", "Compile", "Project", "Graph", "Jinja", "Warehouse", "SQLiteAdapter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Mutation fuzzer for the Jinja engine (deterministic, seeded from the corpus).
        .executableTarget(name: "jinja-fuzz", dependencies: ["Jinja"], path: "Sources/JinjaFuzz"),
        // Render-only benchmark driver, used by bench/jinja_bench.py.
        .executableTarget(name: "jinja-bench", dependencies: ["Jinja"], path: "Sources/JinjaBench"),
        .testTarget(name: "JinjaTests", dependencies: ["Jinja"], exclude: ["Corpus"]),
        .testTarget(name: "ProjectTests", dependencies: ["Project"]),
        .testTarget(name: "GraphTests", dependencies: ["Graph"]),
        .testTarget(name: "CompileTests", dependencies: ["Compile"]),
        .testTarget(name: "RunTests", dependencies: ["Run", "SQLiteAdapter", "Warehouse", "Compile", "Project"]),
        .testTarget(name: "SQLiteAdapterTests", dependencies: ["SQLiteAdapter", "Warehouse"]),
        // End-to-end tests of the `ingot` executable: commands, exit codes, messages.
        .testTarget(name: "IngotCLITests", dependencies: ["IngotCLI"]),
    ]
)
