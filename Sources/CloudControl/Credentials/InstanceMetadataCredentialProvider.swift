import Foundation
import SigV4

/// The instance role's credentials from the EC2 instance metadata service, IMDSv2 style:
/// `PUT /latest/api/token` (with `X-aws-ec2-metadata-token-ttl-seconds`) for a session token,
/// then `GET /latest/meta-data/iam/security-credentials/` for the role name and
/// `GET …/ROLE` for the credentials, each carrying `X-aws-ec2-metadata-token`.
///
/// Short timeouts and one attempt by default, since off EC2 nothing answers: an unreachable
/// service means "not configured" (`nil`). `AWS_EC2_METADATA_DISABLED=true` skips it;
/// `AWS_EC2_METADATA_SERVICE_ENDPOINT` (or the profile's `ec2_metadata_service_endpoint`)
/// replaces the address, and `…_ENDPOINT_MODE=IPv6` picks the IPv6 one. Where the token
/// call is refused with 403/404/405 the calls go without a token (IMDSv1), unless
/// `AWS_EC2_METADATA_V1_DISABLED=true`.
public final class InstanceMetadataCredentialProvider: CredentialProvider, @unchecked Sendable {
    public static let defaultEndpoint = "http://169.254.169.254"
    public static let ipv6Endpoint = "http://[fd00:ec2::254]"
    static let tokenPath = "/latest/api/token"
    static let rolesPath = "/latest/meta-data/iam/security-credentials/"
    static let tokenTTLSeconds = "21600"

    private let transport: any HTTPTransport
    private let timeout: TimeInterval
    private let attempts: Int
    /// `nil` when disabled.
    public let endpoint: String?
    private let v1Disabled: Bool
    public var sourceDescription: String {
        "EC2 instance metadata (\(endpoint ?? "disabled by AWS_EC2_METADATA_DISABLED"))"
    }

    public init(
        environment: [String: String], configuration: SharedConfiguration? = nil,
        transport: any HTTPTransport,
        timeout: TimeInterval = 1, attempts: Int = 1
    ) {
        self.transport = transport
        self.timeout = timeout
        self.attempts = max(1, attempts)
        func setting(_ variable: String, _ key: String) -> String? {
            environment.awsSetting(variable) ?? configuration?.setting(key)
        }
        v1Disabled =
            setting("AWS_EC2_METADATA_V1_DISABLED", "ec2_metadata_v1_disabled")?.lowercased() == "true"
        if environment.awsSetting("AWS_EC2_METADATA_DISABLED")?.lowercased() == "true" {
            endpoint = nil
        } else if let configured = setting(
            "AWS_EC2_METADATA_SERVICE_ENDPOINT", "ec2_metadata_service_endpoint")
        {
            endpoint = configured.hasSuffix("/") ? String(configured.dropLast()) : configured
        } else if setting("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ec2_metadata_service_endpoint_mode")?
            .lowercased() == "ipv6"
        {
            endpoint = Self.ipv6Endpoint
        } else {
            endpoint = Self.defaultEndpoint
        }
    }

    public func credentials() throws(CredentialError) -> AWSCredentials? {
        guard let endpoint else { return nil }
        var headers: [(name: String, value: String)] = []
        let tokenRequest = HTTPRequest(
            method: "PUT", url: endpoint + Self.tokenPath,
            headers: [("X-aws-ec2-metadata-token-ttl-seconds", Self.tokenTTLSeconds)])
        guard let tokenResponse = send(tokenRequest) else { return nil }
        switch tokenResponse.status {
        case 200:
            let token = String(decoding: tokenResponse.body, as: UTF8.self).trimmedForConfig()
            headers.append(("X-aws-ec2-metadata-token", token))
        case 403, 404, 405:
            guard !v1Disabled else {
                throw failure(
                    "the token request was refused (HTTP \(tokenResponse.status)) and "
                        + "AWS_EC2_METADATA_V1_DISABLED forbids calls without a token")
            }
        default:
            throw failure(
                "the token request (PUT \(Self.tokenPath)) was answered HTTP \(tokenResponse.status)")
        }

        guard
            let rolesResponse = send(
                HTTPRequest(method: "GET", url: endpoint + Self.rolesPath, headers: headers))
        else { return nil }
        // 404: the instance has no role attached, so this source has nothing to offer.
        if rolesResponse.status == 404 { return nil }
        guard rolesResponse.status == 200 else {
            throw failure("GET \(Self.rolesPath) was answered HTTP \(rolesResponse.status)")
        }
        let role =
            String(decoding: rolesResponse.body, as: UTF8.self)
            .split(whereSeparator: { $0.isNewline }).first.map { $0.trimmedForConfig() } ?? ""
        guard !role.isEmpty else { return nil }

        let rolePath = Self.rolesPath + role
        guard
            let credentialsResponse = send(
                HTTPRequest(method: "GET", url: endpoint + rolePath, headers: headers))
        else { throw failure("GET \(rolePath) got no answer") }
        guard credentialsResponse.status == 200 else {
            throw failure("GET \(rolePath) was answered HTTP \(credentialsResponse.status)")
        }
        guard let document = CredentialsDocument.decode(credentialsResponse.body) else {
            throw failure("GET \(rolePath) did not return a JSON credentials object")
        }
        if let code = document.code, code != "Success" {
            throw failure("GET \(rolePath) returned Code '\(code)'")
        }
        switch document.credentials() {
        case .success(let credentials): return credentials
        case .failure(let problem): throw failure("GET \(rolePath) returned JSON that \(problem.message)")
        }
    }

    /// The response, or `nil` when the service could not be reached within the attempts.
    private func send(_ request: HTTPRequest) -> HTTPResponse? {
        for _ in 0..<attempts {
            if let response = try? transport.send(request, timeout: timeout) { return response }
        }
        return nil
    }

    private func failure(_ why: String) -> CredentialError {
        CredentialError(
            .instanceMetadataFailed,
            "Error retrieving credentials from the instance metadata service at "
                + "\(endpoint ?? "?"): \(why)")
    }
}
