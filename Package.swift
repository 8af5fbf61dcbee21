// swift-tools-version:6.0
import PackageDescription

/// The areas, each a target of its own (`WaymarkPlanArea`…) holding its routes, controllers, pages and commands, over
/// the shared routing, UI, web and store targets, with the engines it uses and any files it carries. Adding an area adds
/// a line here, its target's folder, and its name in `configure`'s list (docs/architecture.md).
typealias Area = (name: String, engines: [Target.Dependency], resources: [Resource])
let areas: [Area] = [
    ("Plan", ["WaymarkPlanFile"], []),
    ("Measures", ["WaymarkSpreadsheet", "WaymarkTimescales"], []),
    ("Children", ["WaymarkReturns", "WaymarkSpreadsheet", "WaymarkTimescales", "WaymarkValidation"], []),
    ("Performance", ["WaymarkSpreadsheet", "WaymarkTimescales"], []),
    // Its default audit instrument is a data file.
    ("Quality", ["WaymarkPlanFile", "WaymarkSpreadsheet", "WaymarkTimescales"], [.copy("Instruments")]),
    ("Supervision", [], []),
    ("Admin", [], []),
]
let areaTargets: [Target.Dependency] = areas.map { .target(name: "Waymark\($0.name)Area") }

func areaTarget(_ area: Area) -> Target {
    .target(
        name: "Waymark\(area.name)Area",
        dependencies: area.engines + [
            "WaymarkDomain", "WaymarkRouting", "WaymarkStore", "WaymarkUI", "WaymarkWeb",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
        ],
        resources: area.resources
    )
}

let package = Package(
    name: "waymark",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "waymark", targets: ["waymark"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        // Fluent's models and queries without Vapor, for the store.
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.49.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        // The drivers under Fluent, named for reading wide result sets by column position (see TextRows).
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        // Byte buffers, as compress-nio and the form reader take them.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
    ],
    targets: [
        // Pure rules and value types: no Vapor, no Fluent, no I/O beyond reading its own reference data (bank holidays).
        .target(name: "WaymarkDomain", resources: [.copy("Calendar/bank-holidays.json")]),
        // The plan data file: YAML in and out, with every problem reported by its path; and the borough's plan.
        .target(
            name: "WaymarkPlanFile",
            dependencies: ["WaymarkDomain", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Plans")]
        ),
        // Tables in and out of CSV and XLSX files (uploads, downloads, returns), with every problem located.
        .target(
            name: "WaymarkSpreadsheet",
            dependencies: [
                // Writes workbooks; reads go through `ZipParts` and compress-nio's zlib, safe on hostile bytes.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The statutory returns councils already produce (SSDA903, CIN census): read, every problem located.
        .target(name: "WaymarkReturns", dependencies: ["WaymarkDomain", "WaymarkSpreadsheet"]),
        // The DfE's validation rules for the SSDA903 and the CIN census, run on a return as submitted.
        .target(
            name: "WaymarkValidation",
            dependencies: ["WaymarkDomain", "WaymarkReturns", "WaymarkSpreadsheet"],
            resources: [.copy("Rules")]
        ),
        // Statutory and local timescales worked out from the journey records: due, met, late.
        .target(name: "WaymarkTimescales", dependencies: ["WaymarkDomain", "WaymarkSpreadsheet"]),
        // Every page's address, typed: routes are registered from it and every link is built from it.
        .target(name: "WaymarkRouting", dependencies: ["WaymarkDomain", "WaymarkTimescales"]),
        // The layout, page context, components, charts and stylesheet every page is made of, and the pages that
        // belong to no area (signing in, home, errors); never touches the database.
        .target(
            name: "WaymarkUI",
            dependencies: ["WaymarkDomain", "WaymarkRouting", .product(name: "Plot", package: "Plot")]
        ),
        // Every Fluent model, every migration (in one order), the SQL readers and the stores: the only code that
        // writes SQL.
        .target(
            name: "WaymarkStore",
            dependencies: [
                "WaymarkDomain",
                "WaymarkPlanFile",
                "WaymarkReturns",
                "WaymarkSpreadsheet",
                "WaymarkTimescales",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What every area's controllers and commands share: the settings, who is signed in, declaring a route with
        // its access, page and PDF responses, the audit trail of a request, opening the database for a command.
        .target(
            name: "WaymarkWeb",
            dependencies: [
                "WaymarkDomain",
                "WaymarkRouting",
                "WaymarkSpreadsheet",
                "WaymarkStore",
                "WaymarkTimescales",
                "WaymarkUI",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ] + areas.map(areaTarget) + [
        // The composition root: configure (the areas' list), sessions, the access and error middleware, signing in,
        // start-up, and the commands that belong to no area (serve, demo, backup, version).
        .target(
            name: "WaymarkApp",
            dependencies: areaTargets + [
                "WaymarkDomain",
                "WaymarkPlanFile",
                "WaymarkRouting",
                "WaymarkStore",
                "WaymarkTimescales",
                "WaymarkUI",
                "WaymarkWeb",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "waymark", dependencies: ["WaymarkApp", "WaymarkWeb", .product(name: "Vapor", package: "vapor")]),
        // Throws generated hostile inputs at every reader of outside input (scripts/fuzz).
        .executableTarget(
            name: "waymark-fuzz",
            dependencies: [
                "WaymarkApp", "WaymarkDomain", "WaymarkPlanFile", "WaymarkReturns", "WaymarkStore", "WaymarkSpreadsheet", "WaymarkValidation",
                "WaymarkWeb",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DomainTests", dependencies: ["WaymarkDomain"]),
        .testTarget(name: "PlanFileTests", dependencies: ["WaymarkDomain", "WaymarkPlanFile"]),
        .testTarget(
            name: "SpreadsheetTests",
            dependencies: ["WaymarkSpreadsheet", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ReturnsTests", dependencies: ["WaymarkDomain", "WaymarkReturns", "WaymarkSpreadsheet"], exclude: ["Fixtures"]),
        // The engine reads no files; its tests also run it on the demo's journeys, made by the readers.
        .testTarget(name: "TimescalesTests", dependencies: ["WaymarkDomain", "WaymarkTimescales", "WaymarkReturns"]),
        .testTarget(name: "ValidationTests", dependencies: ["WaymarkDomain", "WaymarkValidation", "WaymarkReturns", "WaymarkSpreadsheet"]),
        .testTarget(name: "RoutingTests", dependencies: ["WaymarkDomain", "WaymarkRouting", "WaymarkTimescales"]),
        // Every page's HTML, snapshotted: the areas' pages and the shared ones.
        .testTarget(
            name: "PagesTests",
            dependencies: areaTargets + [
                "WaymarkDomain",
                "WaymarkRouting",
                "WaymarkTimescales",
                "WaymarkUI",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "AppTests",
            dependencies: areaTargets + [
                "WaymarkApp",
                "WaymarkDomain",
                "WaymarkPlanFile",
                "WaymarkReturns",
                "WaymarkRouting",
                "WaymarkSpreadsheet",
                "WaymarkStore",
                "WaymarkTimescales",
                "WaymarkUI",
                "WaymarkWeb",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
