import CloudControl
import Foundation
import JSONCore
import ResourceSchemas

/// Resource schemas from CloudFormation's DescribeType (AWS, or `ccs serve`, which answers it
/// too), for types outside the shipped set and extra folders. Each type is asked for at most
/// once per session (unknown types included); with a `SchemaDiskCache`, answers are also kept
/// on disk for a day, so REPL completion does not wait on the network in the next session.
/// One per session, used from the interpreter's thread (not thread-safe).
public final class DescribeTypeSchemas: SchemaSource {
    private let makeClient: () throws -> CloudFormationClient?
    private var client: CloudFormationClient??
    private let diskCache: SchemaDiskCache?
    /// nil records a type CloudFormation does not know.
    private var answers: [String: ResourceSchema?] = [:]

    /// - Parameters:
    ///   - client: builds the client on first use; nil means there is no HTTP backend (then
    ///     this source knows no type).
    ///   - diskCache: where answers are kept between sessions; nil for none.
    public init(client: @escaping () throws -> CloudFormationClient?, diskCache: SchemaDiskCache? = nil) {
        self.makeClient = client
        self.diskCache = diskCache
    }

    /// The schema DescribeType returns; nil for TypeNotFoundException. Other failures
    /// (network, credentials, CFNRegistryException) are thrown and not cached, so a later
    /// call tries again.
    public func schema(for typeName: String) throws -> ResourceSchema? {
        if let known = answers[typeName] { return known }
        if let text = diskCache?.read(typeName), let schema = try? Self.parse(text, typeName: typeName, source: "cache") {
            answers[typeName] = schema
            return schema
        }
        if client == nil { client = .some(try makeClient()) }
        guard let client = client ?? nil else { return nil }
        let output: DescribeTypeOutput
        do {
            output = try client.describeType(DescribeTypeInput(typeName: typeName))
        } catch let error as CloudFormationError where error.code == "TypeNotFoundException" {
            answers[typeName] = .some(nil)
            return nil
        } catch is DescribeTypeParameterError {
            // Not a registry type name at all: no schema, not a failure of the source.
            answers[typeName] = .some(nil)
            return nil
        }
        guard let text = output.schema else {
            throw SchemaError(source: "DescribeType \(typeName)", message: "the answer carries no Schema")
        }
        let schema = try Self.parse(text, typeName: typeName, source: "DescribeType \(typeName)")
        answers[typeName] = schema
        diskCache?.write(typeName, schema: text)
        return schema
    }

    /// DescribeType cannot list types (that is ListTypes, which ccs does not call), so this
    /// source lists those fetched so far.
    public func types() -> [String] {
        answers.compactMap { $0.value == nil ? nil : $0.key }.sorted()
    }

    private static func parse(_ text: String, typeName: String, source: String) throws -> ResourceSchema {
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(text.utf8))
        } catch let error as JSONParseError {
            throw SchemaError(source: source, message: "the schema is not JSON: \(error.description)")
        }
        let schema = try ResourceSchema(document: document, source: source)
        guard schema.typeName == typeName else {
            throw SchemaError(source: source, message: "the schema is of \(schema.typeName), not \(typeName)")
        }
        return schema
    }
}
