// swift-tools-version:6.0
// The ccs package. Dependencies point one way (docs/ARCHITECTURE.md has the graph and why):
//   ccs → CCSRepl → CCSLanguage → JSONCore
//   ccs → CCSLanguageServer → CCSLanguage, ResourceSchemas
//   ccs → CCSCloud → CCSLanguage, CloudControl, ResourceSchemas
//   ccs → CloudControlServer → CloudControlLocal → ResourceSchemas, CloudControl
//   CloudControl → SigV4, JSONCore;  ResourceSchemas → JSONCore
// The language knows nothing of AWS; the client knows nothing of the language or the emulator;
// `--local` (the in-process emulator behind the client's transport) is wired in the executable.
// C libraries are reached only through the C shim targets (CCurl, COpenSSL, CEditLine, CSQLite).
import PackageDescription

let package = Package(
    name: "ccs",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ccs", targets: ["ccs"]),
        .library(name: "CloudControl", targets: ["CloudControl"]),
        .library(name: "CCSLanguage", targets: ["CCSLanguage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // C shims: a header and, where variadic or macro APIs need it, a tiny .c file. No logic.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        .target(name: "COpenSSL", linkerSettings: [.linkedLibrary("crypto")]),
        .target(name: "CEditLine", linkerSettings: [.linkedLibrary("edit")]),
        .target(name: "CSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),

        // An ordered JSON document model with a strict parser, writer, JSON Pointer and JSON Patch.
        // The one JSON parser and writer: the AWS side (client, emulator, server) uses them for
        // JSONValue, the language for its Value, through the parser's builder protocol.
        .target(
            name: "JSONCore",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]
        ),

        // AWS Signature Version 4: signing and verification, over libcrypto. Knows nothing of
        // Cloud Control, so the client and the emulator's server share it.
        .target(name: "SigV4", dependencies: ["COpenSSL"]),

        // The Cloud Control API core: models, errors, SigV4, libcurl transport, credentials,
        // configuration, endpoints, retries, paginators, waiter and the Client.
        .target(name: "CloudControl", dependencies: ["CCurl", "SigV4", "JSONCore"]),

        // The CloudFormation registry schema model: schemas, the registry (shipped schemas plus
        // `--schemas` folders), property paths, identifiers and list requirements. Shared by the
        // built-ins, the REPL and the emulator, so talking to AWS never links the emulator.
        .target(name: "ResourceSchemas", dependencies: ["JSONCore"], resources: [.copy("Schemas")]),

        // The emulator's engine: validation, request lifecycle, generated values, SQLite store.
        .target(name: "CloudControlLocal", dependencies: ["CloudControl", "ResourceSchemas", "JSONCore", "CSQLite"]),

        // The emulator's HTTP/1.1 front end (SwiftNIO) with SigV4 verification.
        .target(
            name: "CloudControlServer",
            dependencies: [
                "CloudControlLocal", "CloudControl", "ResourceSchemas", "SigV4", "JSONCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),

        // The language: lexer, parser, resolver, interpreter, values, JSON codec (over JSONCore's
        // parser and writer), JSONPath. Knows nothing of AWS.
        .target(
            name: "CCSLanguage",
            dependencies: ["JSONCore", .product(name: "OrderedCollections", package: "swift-collections")],
            // The interpreter's hot paths touch class fields on every node; dynamic exclusivity
            // checks there cost more than the work itself (see docs/BENCHMARKS.md, Language).
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),

        // Built-ins binding the language to Cloud Control (over any CloudControl transport).
        .target(name: "CCSCloud", dependencies: ["CCSLanguage", "CloudControl", "ResourceSchemas", "JSONCore"]),

        // The libedit prompt.
        .target(name: "CCSRepl", dependencies: ["CCSLanguage", "JSONCore", "CEditLine"]),

        // `ccs lsp`: a Language Server Protocol server for .ccs files, with its own JSON-RPC
        // framing over JSONCore. Diagnostics from the language's front end, completion and
        // hover from the built-ins' docs and the resource schemas. Knows nothing of AWS calls.
        .target(name: "CCSLanguageServer", dependencies: ["CCSLanguage", "ResourceSchemas", "JSONCore"]),

        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "ccs",
            dependencies: [
                "CloudControl", "CloudControlLocal", "CloudControlServer", "CCSLanguage", "CCSCloud",
                "CCSRepl", "CCSLanguageServer", "JSONCore", "ResourceSchemas",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Test support: a loopback HTTP server for client tests, temp-file helpers.
        .target(
            name: "CCSTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/CCSTestSupport"
        ),

        .testTarget(name: "SigV4Tests", dependencies: ["SigV4"], resources: [.copy("Fixtures")]),
        .testTarget(name: "JSONCoreTests", dependencies: ["JSONCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CloudControlTests",
            dependencies: ["CloudControl", "CCSTestSupport", "JSONCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ResourceSchemasTests", dependencies: ["ResourceSchemas", "JSONCore"]),
        .testTarget(
            name: "CloudControlLocalTests",
            dependencies: ["CloudControlLocal", "CloudControl", "ResourceSchemas", "JSONCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CloudControlServerTests",
            dependencies: [
                "CloudControlServer", "CloudControlLocal", "CloudControl", "CCSTestSupport", "SigV4", "ResourceSchemas",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "CCSLanguageTests", dependencies: ["CCSLanguage", "JSONCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CCSCloudTests",
            dependencies: [
                "CCSCloud", "CCSLanguage", "CloudControl", "CloudControlLocal", "CloudControlServer", "JSONCore",
                "ResourceSchemas",
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CCSReplTests", dependencies: ["CCSRepl", "CCSLanguage", "JSONCore", "CCSCloud", "CloudControlLocal", "ResourceSchemas"]
        ),
        .testTarget(name: "CCSLanguageServerTests", dependencies: ["CCSLanguageServer", "JSONCore"]),
        .testTarget(name: "ccsTests", dependencies: ["CCSTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)

// libFuzzer harnesses (docs/FUZZING.md, scripts/fuzz.sh). Declared only when CCS_FUZZ=1 so
// that the ordinary `swift build` / `swift test` never needs libFuzzer; scripts/fuzz.sh builds
// them into .build-fuzz with `-sanitize=fuzzer,address`.
if Context.environment["CCS_FUZZ"] == "1" {
    package.targets.append(.target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"))
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzCCSSource", ["CCSLanguage"]),
        ("FuzzCCSExec", ["CCSLanguage"]),
        ("FuzzJSONCodec", ["CCSLanguage"]),
        ("FuzzJSONPath", ["CCSLanguage"]),
        ("FuzzJSONCore", ["JSONCore"]),
        ("FuzzJSONPatch", ["JSONCore"]),
        ("FuzzWireInput", ["CloudControl"]),
    ]
    for target in fuzzTargets {
        package.targets.append(
            .executableTarget(name: target.name, dependencies: target.dependencies + ["CFuzzDriver"], path: "Fuzz/\(target.name)")
        )
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}
