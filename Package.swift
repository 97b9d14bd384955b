// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "solex",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "solex", targets: ["solex"]),
        .library(name: "SolexCore", targets: ["SolexCore"]),
        .library(name: "SolexStore", targets: ["SolexStore"]),
        .library(name: "SolexWeb", targets: ["SolexWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", exact: "2.5.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", exact: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", exact: "1.5.0"),
    ],
    targets: [
        // Pure domain: types, reference data, validation, interchange records. Foundation only.
        .target(name: "SolexCore"),
        // ICU word boundaries behind a header that exposes no ICU type (ICU's headers clash with Foundation's).
        .target(
            name: "CICUWords",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // The one tokenizer: ICU segmentation and folding, shared by the search index, queries and the matcher.
        .target(name: "SolexText", dependencies: ["CICUWords"]),
        // The embedded store: GRDB migrations, records, services, import and export.
        .target(
            name: "SolexStore",
            dependencies: [
                "SolexCore",
                "SolexText",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // HTTP: pages, forms and the JSON API.
        .target(
            name: "SolexWeb",
            dependencies: [
                "SolexCore",
                "SolexStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        // The thin command-line entry point.
        .executableTarget(
            name: "solex",
            dependencies: [
                "SolexCore",
                "SolexStore",
                "SolexWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "SolexCoreTests", dependencies: ["SolexCore"]),
        .testTarget(name: "SolexTextTests", dependencies: ["SolexText"]),
        .testTarget(
            name: "SolexStoreTests",
            dependencies: ["SolexCore", "SolexStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SolexWebTests",
            dependencies: [
                "SolexCore",
                "SolexStore",
                "SolexWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
    ]
)
