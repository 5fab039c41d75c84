import Foundation
import SigV4

/// The AWS STS operations ccs calls: `AssumeRole` (role profiles, `aws({role_arn})`, role
/// chaining), `AssumeRoleWithWebIdentity` (EKS pods, CI OIDC) and `GetCallerIdentity`
/// (`session.identity`). awsQuery protocol (botocore `sts/2011-06-15`): `POST /` with a
/// form-encoded body, an XML answer, SigV4 with service `sts`, through the same pipeline as
/// the Cloud Control client (sign → send → map errors → retry, the same trace with the bodies,
/// which carry credentials, left out). Regional endpoint `sts.REGION.amazonaws.com`, the
/// default of current SDKs, or an explicit one (`AWS_ENDPOINT_URL_STS`, …, resolved by the
/// caller with `ResolvedSettings.resolve(serviceKey: "sts")`).
public final class STSClient: @unchecked Sendable {
    /// The key in `AWS_ENDPOINT_URL_<KEY>` and `[services]` sections.
    public static let serviceKey = "sts"
    static let contentType = "application/x-www-form-urlencoded; charset=utf-8"

    public let configuration: ClientConfiguration
    let pipeline: RequestPipeline
    let endpointResolver = EndpointResolver(endpointPrefix: STSWire.signingName)

    /// - Parameters:
    ///   - credentials: the caller's, called before every signed attempt (not used by
    ///     `assumeRoleWithWebIdentity`).
    public init(
        configuration: ClientConfiguration, credentials: @escaping @Sendable () throws -> AWSCredentials,
        transport: HTTPTransport
    ) {
        self.configuration = configuration
        self.pipeline = RequestPipeline(configuration: configuration, transport: transport, credentials: credentials)
    }

    /// What an AssumeRole call asks for.
    public struct RoleRequest: Sendable, Equatable {
        public var roleArn: String
        public var sessionName: String
        public var externalId: String?
        public var durationSeconds: Int?

        public init(roleArn: String, sessionName: String, externalId: String? = nil, durationSeconds: Int? = nil) {
            self.roleArn = roleArn
            self.sessionName = sessionName
            self.externalId = externalId
            self.durationSeconds = durationSeconds
        }
    }

    /// The temporary credentials of a role session and the session's ARN.
    public struct RoleSession: Sendable, Equatable {
        public var credentials: AWSCredentials
        /// `arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION`.
        public var assumedRoleArn: String
    }

    /// GetCallerIdentity's answer.
    public struct CallerIdentity: Sendable, Equatable {
        public var account: String
        public var arn: String
        public var userId: String
    }

    /// AssumeRole, signed with the caller's credentials.
    public func assumeRole(_ request: RoleRequest) throws -> RoleSession {
        var form = [("RoleArn", request.roleArn), ("RoleSessionName", request.sessionName)]
        if let externalId = request.externalId { form.append(("ExternalId", externalId)) }
        if let duration = request.durationSeconds { form.append(("DurationSeconds", String(duration))) }
        return try call("AssumeRole", form, signed: true) { try Self.roleSession($0, action: "AssumeRole") }
    }

    /// AssumeRoleWithWebIdentity: unsigned, the OIDC token is the proof.
    public func assumeRoleWithWebIdentity(_ request: RoleRequest, token: String) throws -> RoleSession {
        var form = [
            ("RoleArn", request.roleArn), ("RoleSessionName", request.sessionName), ("WebIdentityToken", token),
        ]
        if let duration = request.durationSeconds { form.append(("DurationSeconds", String(duration))) }
        return try call("AssumeRoleWithWebIdentity", form, signed: false) {
            try Self.roleSession($0, action: "AssumeRoleWithWebIdentity")
        }
    }

    /// GetCallerIdentity: who the credentials belong to.
    public func getCallerIdentity() throws -> CallerIdentity {
        try call("GetCallerIdentity", [], signed: true) { result in
            guard let account = result.text(at: ["Account"]), let arn = result.text(at: ["Arn"]) else {
                throw STSError(code: "MalformedResponse", message: "GetCallerIdentity answered without Account or Arn", httpStatus: 200)
            }
            return CallerIdentity(account: account, arn: arn, userId: result.text(at: ["UserId"]) ?? "")
        }
    }

    /// Releases the connection.
    public func close() {
        pipeline.transport.close()
    }

    private func call<Output>(
        _ action: String, _ form: [(String, String)], signed: Bool,
        decode: (XMLElementTree) throws -> Output
    ) throws -> Output {
        let endpoint = try endpointResolver.resolve(
            .init(
                region: configuration.region, useFIPS: configuration.useFIPS,
                useDualStack: configuration.useDualStack, endpoint: configuration.endpointURL))
        let signer = signed ? SigV4Signer(service: STSWire.signingName, region: try pipeline.signingRegion()) : nil
        let pairs = [("Action", action), ("Version", STSWire.apiVersion)] + form
        let body = pairs.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        let unsigned = try RequestPipeline.post(
            endpoint: endpoint, headers: [(name: "Content-Type", value: Self.contentType)], body: Array(body.utf8))
        return try pipeline.run(
            unsigned, signer: signer, carriesCredentials: true,
            decodeSuccess: { response in
                let tree: XMLElementTree
                do {
                    tree = try XMLElementTree.parse(response.body)
                } catch {
                    throw ResponseDecodingError(status: response.status, reason: "\(error)", body: [])
                }
                guard tree.name == "\(action)Response", let result = tree.child("\(action)Result") else {
                    throw ResponseDecodingError(
                        status: response.status, reason: "expected <\(action)Response><\(action)Result>, got <\(tree.name)>",
                        body: [])
                }
                return try decode(result)
            },
            decodeFailure: { response in
                let error = STSError.decode(status: response.status, body: response.body, action: action)
                return (error, (error as? STSError)?.code)
            })
    }

    private static func roleSession(_ result: XMLElementTree, action: String) throws -> RoleSession {
        guard let key = result.text(at: ["Credentials", "AccessKeyId"]),
            let secret = result.text(at: ["Credentials", "SecretAccessKey"]),
            let token = result.text(at: ["Credentials", "SessionToken"]),
            let expirationText = result.text(at: ["Credentials", "Expiration"])
        else {
            throw STSError(code: "MalformedResponse", message: "\(action) answered without complete Credentials", httpStatus: 200)
        }
        guard let expiration = CredentialsDocument.parseTimestamp(expirationText) else {
            throw STSError(
                code: "MalformedResponse", message: "\(action) answered an Expiration that is not a timestamp: \(expirationText)",
                httpStatus: 200)
        }
        return RoleSession(
            credentials: AWSCredentials(
                accessKeyId: key, secretAccessKey: secret, sessionToken: token, expiration: expiration),
            assumedRoleArn: result.text(at: ["AssumedRoleUser", "Arn"]) ?? "")
    }
}

/// An error answer of STS (`<ErrorResponse><Error><Code>`), e.g. `AccessDenied`,
/// `ExpiredToken`, `ValidationError`.
public struct STSError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var httpStatus: Int
    public var action: String
    public var requestId: String?

    public init(code: String, message: String, httpStatus: Int, action: String = "", requestId: String? = nil) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.action = action
        self.requestId = requestId
    }

    public var description: String {
        "An error occurred (\(code)) when calling the \(action.isEmpty ? "STS" : action) operation: \(message)"
    }

    static func decode(status: Int, body: [UInt8], action: String) -> Error {
        guard let tree = try? XMLElementTree.parse(body), tree.name == "ErrorResponse",
            let code = tree.text(at: ["Error", "Code"]), !code.isEmpty
        else {
            return ResponseDecodingError(
                status: status, reason: "error response is not an awsQuery <ErrorResponse> naming a <Code>",
                body: body)
        }
        return STSError(
            code: code, message: tree.text(at: ["Error", "Message"]) ?? "", httpStatus: status, action: action,
            requestId: tree.text(at: ["RequestId"]))
    }
}
