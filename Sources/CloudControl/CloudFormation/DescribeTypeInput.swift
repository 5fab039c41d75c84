/// The parameters of CloudFormation's `DescribeType` that ccs sends (botocore
/// `cloudformation/2010-05-15` `DescribeTypeInput`): a resource type by name, optionally one
/// version of it. `Type` is always `RESOURCE`; `Arn`, `PublisherId` and `PublicVersionNumber`
/// are not needed to fetch a resource schema.
public struct DescribeTypeInput: Sendable, Equatable {
    /// e.g. `AWS::S3::Bucket` (model pattern
    /// `[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}(::MODULE){0,1}`, 10–204 chars).
    public var typeName: String
    /// A registered version (pattern `[A-Za-z0-9-]+`, 1–128 chars); nil for the default one.
    public var versionId: String?

    public init(typeName: String, versionId: String? = nil) {
        self.typeName = typeName
        self.versionId = versionId
    }

    /// Checks the model's constraints before anything is sent; throws
    /// `DescribeTypeParameterError` naming the parameter.
    public func validate() throws {
        try Self.check(
            "TypeName", typeName, length: 10...204,
            valid: Self.isTypeName(typeName),
            pattern: "[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}(::MODULE){0,1}")
        if let versionId {
            try Self.check(
                "VersionId", versionId, length: 1...128,
                valid: versionId.utf8.allSatisfy { Self.isAlphanumeric($0) || $0 == UInt8(ascii: "-") },
                pattern: "[A-Za-z0-9-]+")
        }
    }

    /// The awsQuery form body: `Action`, `Version`, then the members in model order, each
    /// name and value percent-encoded as botocore's query serializer does (RFC 3986 unreserved
    /// characters kept).
    public func formBody() -> [UInt8] {
        var pairs = [
            ("Action", "DescribeType"), ("Version", CloudFormationClient.apiVersion), ("Type", "RESOURCE"),
            ("TypeName", typeName),
        ]
        if let versionId { pairs.append(("VersionId", versionId)) }
        return Array(pairs.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&").utf8)
    }

    private static func check(
        _ name: String, _ value: String, length: ClosedRange<Int>, valid: Bool, pattern: String
    ) throws {
        let count = value.count
        guard length.contains(count) else {
            throw DescribeTypeParameterError(
                parameter: name,
                problem: "length \(count) is outside \(length.lowerBound)...\(length.upperBound)")
        }
        guard valid else {
            throw DescribeTypeParameterError(
                parameter: name, problem: "'\(value)' does not match the pattern \(pattern)")
        }
    }

    static func isTypeName(_ value: String) -> Bool {
        var parts = value.components(separatedBy: "::")
        if parts.count == 4 {
            guard parts[3] == "MODULE" else { return false }
            parts.removeLast()
        }
        return parts.count == 3
            && parts.allSatisfy { (2...64).contains($0.utf8.count) && $0.utf8.allSatisfy(isAlphanumeric) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
