import Foundation
import SigV4

/// Makes the STS client a role provider calls, from the credentials that sign its calls. The
/// executable supplies it with the region, endpoint, retries and transport of the profile.
public typealias STSClientFactory = @Sendable (_ credentials: @escaping @Sendable () throws -> AWSCredentials)
    -> STSClient

/// Credentials of a role session: AssumeRole signed with the credentials of `source` (static
/// keys, another role session — role chaining —, the environment, container or instance
/// credentials), cached per (caller, role, session name, external id) in a `RoleSessionCache`
/// and refreshed 5 minutes before they expire. The AWS CLI's `role_arn` profiles and ccs's
/// `aws({role_arn})` sessions. Messages name the role and STS's error, never a secret.
public final class AssumeRoleCredentialProvider: CredentialProvider, @unchecked Sendable {
    public let request: STSClient.RoleRequest
    private let source: any CredentialProvider
    private let makeClient: STSClientFactory
    private let cache: RoleSessionCache
    public let sourceDescription: String

    public init(
        _ request: STSClient.RoleRequest, source: any CredentialProvider, sts: @escaping STSClientFactory,
        cache: RoleSessionCache, description: String? = nil
    ) {
        self.request = request
        self.source = source
        self.makeClient = sts
        self.cache = cache
        self.sourceDescription = description ?? "assume role \(request.roleArn)"
    }

    public var sourceDescriptions: [String] { [sourceDescription] }

    public func credentials() throws(CredentialError) -> AWSCredentials? {
        let caller: AWSCredentials
        do {
            caller = try source.resolve()
        } catch {
            throw CredentialError(
                error.kind,
                "Cannot assume role \(request.roleArn): no credentials to call STS with. \(error.message)")
        }
        let key = [caller.accessKeyId, request.roleArn, request.sessionName, request.externalId ?? ""]
            .joined(separator: "\n")
        let request = self.request
        let makeClient = self.makeClient
        return try cache.credentials(for: key) { () throws(CredentialError) -> AWSCredentials in
            // The client's transport belongs to the wiring, which keeps its connection.
            let client = makeClient { caller }
            do {
                return try client.assumeRole(request).credentials
            } catch {
                throw CredentialError(
                    .assumeRoleFailed, "Cannot assume role \(request.roleArn) (session \(request.sessionName)): \(error)")
            }
        }
    }

    /// The session name used when none is configured: botocore's is
    /// `botocore-session-<epoch>`; ccs names itself.
    public static func defaultSessionName(now: Date = Date()) -> String {
        "ccs-session-\(Int(now.timeIntervalSince1970))"
    }
}

/// Credentials from an OIDC token: AssumeRoleWithWebIdentity with the token read from a file
/// on every refresh (EKS and CI runners rotate it), as `AWS_WEB_IDENTITY_TOKEN_FILE` +
/// `AWS_ROLE_ARN` (+ `AWS_ROLE_SESSION_NAME`) or a profile's `web_identity_token_file` +
/// `role_arn` configure it. Cached and refreshed like role sessions.
public final class WebIdentityCredentialProvider: CredentialProvider, @unchecked Sendable {
    public let request: STSClient.RoleRequest
    public let tokenFile: String
    private let makeClient: STSClientFactory
    private let cache: RoleSessionCache
    public let sourceDescription: String

    public init(
        _ request: STSClient.RoleRequest, tokenFile: String, sts: @escaping STSClientFactory, cache: RoleSessionCache,
        description: String
    ) {
        self.request = request
        self.tokenFile = tokenFile
        self.makeClient = sts
        self.cache = cache
        self.sourceDescription = description
    }

    public func credentials() throws(CredentialError) -> AWSCredentials? {
        let request = self.request
        let tokenFile = self.tokenFile
        let makeClient = self.makeClient
        let key = ["web-identity", tokenFile, request.roleArn, request.sessionName].joined(separator: "\n")
        return try cache.credentials(for: key) { () throws(CredentialError) -> AWSCredentials in
            guard let data = FileManager.default.contents(atPath: tokenFile),
                let token = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
                !token.isEmpty
            else {
                throw CredentialError(
                    .webIdentityFailed, "The web identity token file \(tokenFile) cannot be read or is empty.")
            }
            let client = makeClient { throw CredentialError(.webIdentityFailed, "AssumeRoleWithWebIdentity is unsigned") }
            do {
                return try client.assumeRoleWithWebIdentity(request, token: token).credentials
            } catch {
                throw CredentialError(
                    .webIdentityFailed, "Cannot assume role \(request.roleArn) with the web identity token of \(tokenFile): \(error)")
            }
        }
    }
}
