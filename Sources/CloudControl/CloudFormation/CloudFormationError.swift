/// An error answer of CloudFormation's awsQuery protocol:
/// `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error>
/// <RequestId>…</RequestId></ErrorResponse>` (botocore `QueryParser` error shape), e.g.
/// `TypeNotFoundException` (404) or `CFNRegistryException` (400) from DescribeType.
public struct CloudFormationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error code, e.g. `TypeNotFoundException`, `Throttling`, `ValidationError`.
    public var code: String
    public var message: String
    public var httpStatus: Int
    public var requestId: String?

    public init(code: String, message: String, httpStatus: Int, requestId: String? = nil) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestId = requestId
    }

    public var description: String {
        "An error occurred (\(code)) when calling the DescribeType operation: \(message)"
    }

    /// Decodes an error answer; an answer that is not the awsQuery error XML (an HTML 503 from
    /// a load balancer) becomes `ResponseDecodingError`, counted by its status.
    static func decode(status: Int, body: [UInt8]) -> Error {
        guard let tree = try? XMLElementTree.parse(body), tree.name == "ErrorResponse",
            let code = tree.text(at: ["Error", "Code"]), !code.isEmpty
        else {
            return ResponseDecodingError(
                status: status, reason: "error response is not an awsQuery <ErrorResponse> naming a <Code>",
                body: body)
        }
        return CloudFormationError(
            code: code, message: tree.text(at: ["Error", "Message"]) ?? "", httpStatus: status,
            requestId: tree.text(at: ["RequestId"]))
    }
}
