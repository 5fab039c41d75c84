/// What `DescribeType` says about a resource type (botocore `DescribeTypeOutput`, the members
/// ccs uses; the XML answer wraps them in `DescribeTypeResponse/DescribeTypeResult`).
public struct DescribeTypeOutput: Sendable, Equatable {
    public var arn: String?
    /// `RESOURCE`, `HOOK` or `MODULE`.
    public var type: String?
    public var typeName: String?
    public var defaultVersionId: String?
    public var isDefaultVersion: Bool?
    public var description: String?
    /// The resource provider schema, a JSON document as text.
    public var schema: String?
    /// `NON_PROVISIONABLE`, `IMMUTABLE` or `FULLY_MUTABLE`.
    public var provisioningType: String?
    /// `LIVE` or `DEPRECATED`.
    public var deprecatedStatus: String?
    /// `PUBLIC` or `PRIVATE`.
    public var visibility: String?
    public var sourceUrl: String?
    public var documentationUrl: String?
    /// ISO 8601, as the XML carries it.
    public var lastUpdated: String?
    public var timeCreated: String?

    public init(
        arn: String? = nil, type: String? = nil, typeName: String? = nil, defaultVersionId: String? = nil,
        isDefaultVersion: Bool? = nil, description: String? = nil, schema: String? = nil,
        provisioningType: String? = nil, deprecatedStatus: String? = nil, visibility: String? = nil,
        sourceUrl: String? = nil, documentationUrl: String? = nil, lastUpdated: String? = nil,
        timeCreated: String? = nil
    ) {
        self.arn = arn
        self.type = type
        self.typeName = typeName
        self.defaultVersionId = defaultVersionId
        self.isDefaultVersion = isDefaultVersion
        self.description = description
        self.schema = schema
        self.provisioningType = provisioningType
        self.deprecatedStatus = deprecatedStatus
        self.visibility = visibility
        self.sourceUrl = sourceUrl
        self.documentationUrl = documentationUrl
        self.lastUpdated = lastUpdated
        self.timeCreated = timeCreated
    }

    /// The members in the order the model lists them, as (XML element name, value).
    public var members: [(name: String, value: String)] {
        let all: [(String, String?)] = [
            ("Arn", arn), ("Type", type), ("TypeName", typeName), ("DefaultVersionId", defaultVersionId),
            ("IsDefaultVersion", isDefaultVersion.map { $0 ? "true" : "false" }),
            ("Description", description), ("Schema", schema), ("ProvisioningType", provisioningType),
            ("DeprecatedStatus", deprecatedStatus), ("Visibility", visibility), ("SourceUrl", sourceUrl),
            ("DocumentationUrl", documentationUrl), ("LastUpdated", lastUpdated), ("TimeCreated", timeCreated),
        ]
        return all.compactMap { name, value in value.map { (name, $0) } }
    }

    /// Reads the members from `DescribeTypeResponse/DescribeTypeResult` (awsQuery: the output
    /// shape inside `<OperationName>Result`, botocore `resultWrapper`).
    init(result: XMLElementTree) {
        func text(_ name: String) -> String? { result.child(name)?.text }
        self.init(
            arn: text("Arn"), type: text("Type"), typeName: text("TypeName"),
            defaultVersionId: text("DefaultVersionId"),
            isDefaultVersion: text("IsDefaultVersion").map { $0 == "true" }, description: text("Description"),
            schema: text("Schema"), provisioningType: text("ProvisioningType"),
            deprecatedStatus: text("DeprecatedStatus"), visibility: text("Visibility"),
            sourceUrl: text("SourceUrl"), documentationUrl: text("DocumentationUrl"),
            lastUpdated: text("LastUpdated"), timeCreated: text("TimeCreated"))
    }
}
