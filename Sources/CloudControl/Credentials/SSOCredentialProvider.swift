import Foundation
import JSONCore
import SigV4

/// Credentials of an IAM Identity Center (SSO) profile: the access token the AWS CLI saved
/// after `aws sso login` (in `~/.aws/sso/cache/*.json`), exchanged for role credentials with
/// the portal's GetRoleCredentials (`GET /federation/credentials?role_name=R&account_id=A`,
/// header `x-amz-sso_bearer_token`, unsigned). Profiles name the portal with `sso_session`
/// (a `[sso-session NAME]` section holding `sso_start_url` and `sso_region`) or the legacy
/// `sso_start_url` + `sso_region`, and the role with `sso_account_id` + `sso_role_name`.
///
/// The CLI names each cache file by a SHA-1 of the session name or start URL; ccs reads every
/// `*.json` file there instead and takes the token for the profile's start URL that expires
/// last, which finds the same token without needing SHA-1. ccs never writes the cache: an
/// expired or missing token asks for `aws sso login`.
public final class SSOCredentialProvider: CredentialProvider, @unchecked Sendable {
    public let startURL: String
    public let region: String
    public let accountId: String
    public let roleName: String
    public let cacheDirectory: String
    private let pipeline: RequestPipeline
    private let now: @Sendable () -> Date
    public let sourceDescription: String

    /// - Parameters:
    ///   - endpointURL: the portal, default `https://portal.sso.REGION.amazonaws.com`
    ///     (`AWS_ENDPOINT_URL_SSO` overrides it).
    public init(
        startURL: String, region: String, accountId: String, roleName: String, cacheDirectory: String,
        endpointURL: String?, transport: any HTTPTransport, description: String,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.startURL = startURL
        self.region = region
        self.accountId = accountId
        self.roleName = roleName
        self.cacheDirectory = cacheDirectory
        self.now = now
        self.sourceDescription = description
        pipeline = RequestPipeline(
            configuration: ClientConfiguration(
                region: region, endpointURL: endpointURL ?? "https://portal.sso.\(region).amazonaws.com", maxAttempts: 2),
            transport: transport,
            credentials: { throw CredentialError(.ssoFailed, "the SSO portal is called unsigned") })
    }

    public func credentials() throws(CredentialError) -> AWSCredentials? {
        let token = try accessToken()
        let base = pipeline.configuration.endpointURL ?? ""
        let query = "role_name=\(FormEncoding.encode(roleName))&account_id=\(FormEncoding.encode(accountId))"
        do {
            let request = try RequestPipeline.request(
                "GET", endpoint: base.trimmingSuffix("/") + "/federation/credentials?" + query,
                headers: [(name: "x-amz-sso_bearer_token", value: token)], body: [])
            return try pipeline.run(
                request, signer: nil, carriesCredentials: true,
                decodeSuccess: { response in try Self.decodeRoleCredentials(response.body) },
                decodeFailure: { response in
                    let document = try? JSONParser.parse(response.body)
                    let code = document?["__type"]?.stringValue ?? response.header("x-amzn-ErrorType") ?? "HTTP \(response.status)"
                    let message = document?["message"]?.stringValue ?? document?["Message"]?.stringValue ?? ""
                    return (CredentialError(.ssoFailed, "\(code): \(message)"), code)
                })
        } catch let error as CredentialError {
            throw CredentialError(
                .ssoFailed,
                "IAM Identity Center refused role \(roleName) of account \(accountId) (\(startURL)): \(error.message)")
        } catch {
            throw CredentialError(
                .ssoFailed, "Cannot get credentials of role \(roleName) of account \(accountId) from \(startURL): \(error)")
        }
    }

    /// The newest unexpired access token for `startURL` in the cache directory.
    func accessToken() throws(CredentialError) -> String {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory)) ?? []
        var best: (token: String, expires: Date)?
        var expiredSeen = false
        for file in files where file.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: cacheDirectory + "/" + file),
                let document = try? JSONParser.parse(Array(data)),
                document["startUrl"]?.stringValue == startURL,
                let token = document["accessToken"]?.stringValue, !token.isEmpty,
                let expiresText = document["expiresAt"]?.stringValue,
                let expires = Self.parseExpiry(expiresText)
            else { continue }
            if expires <= now() {
                expiredSeen = true
                continue
            }
            if best == nil || expires > best!.expires { best = (token, expires) }
        }
        guard let best else {
            throw CredentialError(
                .ssoFailed,
                "The SSO session for \(startURL) \(expiredSeen ? "has expired" : "has no token in \(cacheDirectory)"): run 'aws sso login' first."
            )
        }
        return best.token
    }

    /// The CLI writes `2026-12-03T16:00:00Z`; older versions `2026-12-03T16:00:00UTC`.
    static func parseExpiry(_ text: String) -> Date? {
        let normalised = text.hasSuffix("UTC") ? String(text.dropLast(3)) + "Z" : text
        return CredentialsDocument.parseTimestamp(normalised)
    }

    static func decodeRoleCredentials(_ body: [UInt8]) throws -> AWSCredentials {
        guard let document = try? JSONParser.parse(body), let role = document["roleCredentials"],
            let key = role["accessKeyId"]?.stringValue, let secret = role["secretAccessKey"]?.stringValue,
            let expiration = role["expiration"]?.doubleValue
        else {
            throw CredentialError(.ssoFailed, "GetRoleCredentials answered without complete roleCredentials")
        }
        return AWSCredentials(
            accessKeyId: key, secretAccessKey: secret, sessionToken: role["sessionToken"]?.stringValue,
            // Epoch milliseconds (sso/2019-06-10 `ExpirationTimestampType`).
            expiration: Date(timeIntervalSince1970: expiration / 1000))
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
