import Foundation
import JSONCore
import Testing

@testable import ResourceSchemas

/// Extra schema folders are read lazily: opening costs a directory listing; a conventionally
/// named file is found without reading the others; broken files only matter when indexed.
@Suite struct LazySchemaRegistryTests {
    static let widget =
        #"{"typeName":"Custom::Demo::Widget","description":"w","properties":{"Name":{"type":"string"}},"primaryIdentifier":["/properties/Name"],"additionalProperties":false}"#

    @Test func aConventionalFileIsFoundWithoutIndexingTheRest() throws {
        let dir = try temporaryDirectory()
        try Self.widget.write(toFile: dir + "/custom-demo-widget.json", atomically: true, encoding: .utf8)
        try "this is not JSON".write(toFile: dir + "/zz-broken.json", atomically: true, encoding: .utf8)
        // Opening does not read the broken file.
        let registry = try SchemaRegistry(includeShipped: false, directories: [dir])
        #expect(try registry.schema(for: "Custom::Demo::Widget")?.typeName == "Custom::Demo::Widget")
        #expect(registry.contains("Custom::Demo::Widget"))
        // Indexing does, and reports it by path instead of failing the whole registry.
        #expect(registry.types() == ["Custom::Demo::Widget"])
        let problems = registry.indexProblems()
        #expect(problems.map(\.source) == [dir + "/zz-broken.json"])
        #expect(problems.first?.message == "no \"typeName\" member found")
    }

    @Test func anUnconventionallyNamedFileIsFoundThroughTheIndex() throws {
        let dir = try temporaryDirectory()
        try Self.widget.write(toFile: dir + "/0a1b2c3d.json", atomically: true, encoding: .utf8)
        let registry = try SchemaRegistry(includeShipped: false, directories: [dir])
        #expect(try registry.schema(for: "Custom::Demo::Widget")?.typeName == "Custom::Demo::Widget")
        #expect(try registry.schema(for: "Custom::Demo::Other") == nil)
    }

    @Test func laterFoldersOverrideShippedSchemas() throws {
        let dir = try temporaryDirectory()
        let shipped = try #require(try SchemaRegistry().schema(for: "AWS::SQS::Queue"))
        guard case .object(var members) = shipped.document else {
            Issue.record("the shipped schema is not an object")
            return
        }
        members["description"] = .string("overridden")
        try JSONWriter().string(.object(members)).write(toFile: dir + "/aws-sqs-queue.json", atomically: true, encoding: .utf8)
        let registry = try SchemaRegistry(directories: [dir])
        #expect(try registry.schema(for: "AWS::SQS::Queue")?.document["description"] == .string("overridden"))
        #expect(try registry.schema(for: "AWS::S3::Bucket") != nil)
    }
}

/// A fresh, empty folder under the system's temporary directory.
private func temporaryDirectory() throws -> String {
    let dir = NSTemporaryDirectory() + "ccs-schema-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
